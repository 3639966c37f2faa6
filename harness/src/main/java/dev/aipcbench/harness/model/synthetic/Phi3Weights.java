package dev.aipcbench.harness.model.synthetic;

import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.quantize.MatrixSource;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * The values of every weight of a synthetic Phi-3 model, as functions of the seed.
 *
 * <p>Projections follow Phi-3's own initialisation (normal, std 0.02); norm gains are 1 plus small
 * noise; embeddings are unit normal. A purely random LM head would leave the top logits of every step
 * nearly tied, so greedy decoding would be a coin toss that any rounding flips, and quantised models
 * could not be checked against fp32 by their tokens. Trained models are decisive; to be decisive too,
 * the LM head here adds to its noise a seeded "successor" map: column {@code j} also carries
 * {@code beta / sqrt(hidden)} times the embedding of {@code pred(j)}, where {@code succ} is a seeded
 * affine permutation of the vocabulary. The model then prefers, by a clear margin, the successor of
 * what it has just read, while every weight still shapes every logit and costs what it costs.
 */
public final class Phi3Weights {
    static final float PROJECTION_STD = 0.02f;
    static final float NORM_NOISE = 0.1f;
    static final float LM_HEAD_NOISE_STD = 0.02f;
    static final float SUCCESSOR_BETA = 0.5f;

    private final ModelDimensions dims;
    private final SeededWeights seeds;
    private final long multiplier;
    private final long inverse;
    private final long offset;

    public Phi3Weights(ModelDimensions dims, long seed) {
        this.dims = dims;
        this.seeds = new SeededWeights(seed);
        long vocab = dims.vocab();
        long stream = seeds.stream("successor");
        long a = Math.floorMod(SeededWeights.mix(stream), vocab - 1) + 1;
        while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(vocab)).intValue() != 1) {
            a = a % (vocab - 1) + 1;
        }
        this.multiplier = a;
        this.inverse = BigInteger.valueOf(a).modInverse(BigInteger.valueOf(vocab)).longValue();
        this.offset = Math.floorMod(SeededWeights.mix(stream + 1), vocab);
    }

    /** The token the LM head favours after {@code token}. */
    public int successor(int token) {
        return (int) Math.floorMod(multiplier * token + offset, (long) dims.vocab());
    }

    int predecessor(int token) {
        return (int) Math.floorMod(Math.floorMod(token - offset, (long) dims.vocab()) * inverse, (long) dims.vocab());
    }

    /** {@code [vocab, hidden]} token embeddings. */
    public MatrixSource embedding(String name) {
        long stream = seeds.stream(name);
        int hidden = dims.hidden();
        return new Generated(dims.vocab(), hidden, (r, c) -> SeededWeights.normal(stream, (long) r * hidden + c));
    }

    /** A {@code [in, out]} projection weight (MatMul's B). */
    public MatrixSource projection(String name, int in, int out) {
        return new Generated(in, out, projectionElement(name, in));
    }

    /**
     * The same projection with rows and columns swapped, {@code [out, in]}: the layout of formats whose
     * MatMul reads its weight transposed (OpenVINO IR, quantised per output channel as NNCF does), read a
     * band of output channels at a time.
     */
    public MatrixSource projectionByOutput(String name, int in, int out) {
        Element e = projectionElement(name, in);
        return new Generated(out, in, (n, k) -> e.at(k, n));
    }

    private Element projectionElement(String name, int in) {
        long stream = seeds.stream(name);
        return (k, n) -> PROJECTION_STD * SeededWeights.normal(stream, (long) n * in + k);
    }

    /** {@code [hidden, vocab]} LM head: noise plus the scaled embedding of each column's predecessor. */
    public MatrixSource lmHead(String name, String embeddingName) {
        return new Generated(dims.hidden(), dims.vocab(), lmHeadElement(name, embeddingName));
    }

    /** The same LM head with rows and columns swapped, {@code [vocab, hidden]}. */
    public MatrixSource lmHeadByOutput(String name, String embeddingName) {
        Element e = lmHeadElement(name, embeddingName);
        return new Generated(dims.vocab(), dims.hidden(), (j, k) -> e.at(k, j));
    }

    private Element lmHeadElement(String name, String embeddingName) {
        long stream = seeds.stream(name);
        long embed = seeds.stream(embeddingName);
        int hidden = dims.hidden();
        float beta = (float) (SUCCESSOR_BETA / Math.sqrt(hidden));
        return (k, j) -> LM_HEAD_NOISE_STD * SeededWeights.normal(stream, (long) j * hidden + k)
                + beta * SeededWeights.normal(embed, (long) predecessor(j) * hidden + k);
    }

    /** A norm's gain vector: 1 plus small noise. */
    public float[] normGain(String name, int size) {
        long stream = seeds.stream(name);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = 1f + NORM_NOISE * SeededWeights.normal(stream, i);
        }
        return v;
    }

    /** Rotary cache {@code [context, headSize/2]}: cos (or sin) of position times inverse frequency. */
    public MatrixSource rotaryCache(boolean sine) {
        int half = dims.headSize() / 2;
        double[] invFreq = new double[half];
        for (int i = 0; i < half; i++) {
            invFreq[i] = 1.0 / Math.pow(dims.ropeTheta(), (2.0 * i) / dims.headSize());
        }
        return new Generated(dims.context(), half, (p, i) -> (float) (sine ? Math.sin(p * invFreq[i]) : Math.cos(p * invFreq[i])));
    }

    @FunctionalInterface
    interface Element {
        float at(int row, int col);
    }

    /** A matrix whose elements are computed on request, rows in parallel. */
    private static final class Generated implements MatrixSource {
        private final int rows;
        private final int cols;
        private final Element element;

        Generated(int rows, int cols, Element element) {
            this.rows = rows;
            this.cols = cols;
            this.element = element;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int cols() {
            return cols;
        }

        @Override
        public void readRows(int firstRow, int count, float[] dst) {
            IntStream.range(0, count).parallel().forEach(r -> {
                int base = r * cols;
                for (int c = 0; c < cols; c++) {
                    dst[base + c] = element.at(firstRow + r, c);
                }
            });
        }
    }
}
