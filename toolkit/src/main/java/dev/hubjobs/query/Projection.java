package dev.hubjobs.query;

import dev.hubjobs.text.Span;
import java.util.Optional;

/** One element of a SELECT list: a path or an aggregate call, with an optional alias. */
public record Projection(Expr expr, Optional<String> alias, Span span) {}
