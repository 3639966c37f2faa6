package dev.aipcbench.results;

import java.util.function.Function;

/** One field of a printed row: its name (the CSV header) and how a row gives its value. */
public record Column<R>(String name, Function<R, Object> value) {
}
