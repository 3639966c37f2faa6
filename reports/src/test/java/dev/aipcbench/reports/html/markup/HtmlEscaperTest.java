package dev.aipcbench.reports.html.markup;


import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HtmlEscaperTest {
    @Test
    void escapesTheFiveCharactersThatEndTextOrAttributes() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
                HtmlEscaper.escape("<script>alert(\"x\" & 'y')</script>"));
    }

    @Test
    void leavesOtherTextAloneAndNullEmpty() {
        String plain = "cpu \u00b7 int4 \u00b7 onnxruntime 1.29.0 \u00e9\u00e8 2.00\u00d7";
        assertSame(plain, HtmlEscaper.escape(plain));
        assertEquals("", HtmlEscaper.escape(null));
        assertEquals("&amp;amp;", HtmlEscaper.escape("&amp;"));
    }

    @Test
    void writerEscapesTextAndAttributesAndRefusesOddNames() {
        String html = new HtmlWriter().open("td", "title", "a\"b<c>").text("<b>&</b>").close("td").toString();
        assertEquals("<td title=\"a&quot;b&lt;c&gt;\">&lt;b&gt;&amp;&lt;/b&gt;</td>", html);
        assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().open("td onclick=x"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().open("td", "on click", "x"));
    }
}
