package io.releasepilot.core.spec;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A part of the spec as bound from YAML: either its value or the problems that kept it from being read, never both.
 * It replaces null-means-reported returns, so "absent" ({@code Optional.empty()} as the value) and "wrong" (problems)
 * can no longer be confused.
 *
 * @param <T> the value type
 */
sealed interface Bound<T> permits Bound.Value, Bound.Invalid {

    static <T> Bound<T> of(T value) {
        return new Value<>(value);
    }

    static <T> Bound<T> invalid(List<Problem> problems) {
        return new Invalid<>(problems);
    }

    static <T> Bound<T> invalid(Problem problem) {
        return new Invalid<>(List.of(problem));
    }

    boolean isValid();

    /** The value; only for a valid part (a binder builds a record only once all its parts are valid). */
    T value();

    /** The problems in the order they were found; empty when valid. */
    List<Problem> problems();

    default <R> Bound<R> map(Function<? super T, ? extends R> mapper) {
        return isValid() ? of(mapper.apply(value())) : invalid(problems());
    }

    default <R> Bound<R> flatMap(Function<? super T, Bound<R>> mapper) {
        return isValid() ? mapper.apply(value()) : invalid(problems());
    }

    default void ifValid(Consumer<? super T> action) {
        if (isValid()) {
            action.accept(value());
        }
    }

    /** The value when it could be read. */
    record Value<T>(T value) implements Bound<T> {
        public Value {
            if (value == null) {
                throw new IllegalArgumentException("a bound value is never null; use Optional for an absent one");
            }
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<Problem> problems() {
            return List.of();
        }
    }

    /** The problems that kept the value from being read. */
    record Invalid<T>(List<Problem> problems) implements Bound<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid part needs at least one problem");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("no value: " + problems);
        }
    }
}
