package dev.aipcbench.harness.tokenizer;

import java.util.Objects;

/**
 * The Phi-3 chat prompt, as the {@code chat_template} of Phi-3's {@code tokenizer_config.json} renders a
 * system and a user message with {@code add_generation_prompt}:
 * each message is {@code <|role|>\n{content}<|end|>\n}, then {@code <|assistant|>\n} asks for the reply.
 * The template holds no {@code <s>}: {@link TextTokenizer#encode} adds it.
 */
public final class Phi3ChatTemplate {

    private Phi3ChatTemplate() {
    }

    /**
     * Renders the prompt.
     *
     * @param system the system message; null or blank leaves the system turn out
     * @param user   the user message
     */
    public static String render(String system, String user) {
        Objects.requireNonNull(user, "user");
        StringBuilder prompt = new StringBuilder(user.length() + (system == null ? 0 : system.length()) + 48);
        if (system != null && !system.isBlank()) {
            appendTurn(prompt, "system", system);
        }
        appendTurn(prompt, "user", user);
        return prompt.append("<|assistant|>\n").toString();
    }

    private static void appendTurn(StringBuilder prompt, String role, String content) {
        prompt.append("<|").append(role).append("|>\n").append(content).append("<|end|>\n");
    }
}
