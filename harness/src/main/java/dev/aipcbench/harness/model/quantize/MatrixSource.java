package dev.aipcbench.harness.model.quantize;

/**
 * A {@code [rows, cols]} row-major float matrix read a band of rows at a time, so a weight far larger
 * than the heap can be quantised or written in bounded memory. For a MatMul weight, rows = K (inputs)
 * and cols = N (outputs).
 */
public interface MatrixSource {
    int rows();

    int cols();

    /** Copies rows {@code [firstRow, firstRow + count)} into {@code dst}, row-major, {@code count * cols()} values. */
    void readRows(int firstRow, int count, float[] dst);
}
