package dev.aipcbench.harness.tokenizer;

/**
 * The English text the synthetic tokenizer learns its first merges from. Written for this project, so
 * the vocabulary it yields belongs to the project. Plain ASCII; changing it changes every synthetic
 * tokenizer (they are deterministic, not stable across edits of this text).
 */
final class TrainingText {

    private TrainingText() {
    }

    static final String TEXT = """
            A benchmark is a promise that two numbers can be compared. When we measure how quickly a small
            language model answers on a laptop, we want the same prompt, the same number of new tokens and the
            same settings on every machine, so that a faster result means a faster machine and not a luckier
            run. We therefore warm up first, repeat each measurement several times, keep every sample, and
            report the median together with the spread.

            The time to the first token is what a person feels when they press enter and wait. It is mostly
            the cost of reading the whole prompt at once. After that, each further token is produced one at a
            time, and the speed of that steady stream decides how long a long answer takes. A model that is
            quick to start may still be slow to finish, which is why we report both numbers and never only one.

            On an AI PC the same model can run on the processor, on the integrated graphics, on a neural
            processing unit, or on a discrete graphics card. Each of them has its own memory, its own driver
            and its own idea of which operations are cheap. Weights stored in sixteen bits, in eight bits or in
            four bits change both the speed and the memory that the model needs, and sometimes the quality of
            the text it writes.

            Outside, the morning was cold and bright. She walked to the market with a basket, bought bread,
            apples, cheese and a few fresh herbs, and stopped to talk with an old friend about the weather, the
            garden and the children who had grown up so fast. On the way home the sun came through the clouds,
            and the river shone like a long silver road between the houses.

            Good tools are simple to start and honest about what they do not know. If a device is missing, the
            report should say so in plain words instead of failing in silence. If a run is interrupted, it
            should be possible to continue where it stopped. And if a change makes the model slower, the check
            in the build should notice it, explain it, and point to the numbers that prove it.

            People often ask which part of a computer matters most for this work. The answer depends on the size
            of the model, the length of the prompt and the length of the reply. Memory bandwidth limits the
            speed of each new token, while raw compute limits how fast a long prompt can be read. Power and heat
            matter too, because a thin laptop that runs warm will slow itself down after a few minutes.
            """;
}
