package dev.aipcbench.harness.tokenizer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DjlOfflineTest {

    @Test
    void loadingATokenizerPutsDjlOffline() {
        assumeTrue(System.getenv(DjlOffline.ENVIRONMENT) == null, "DJL_OFFLINE in the environment decides instead");
        HfTokenizer.load(SharedTokenizers.phi3Folder()).close();
        assertEquals("true", System.getProperty(DjlOffline.PROPERTY));
    }
}
