package io.releasepilot.core.spec;

import io.releasepilot.core.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of reading input that the user must fix as a whole: either a value or every problem found, never both.
 *
 * @param <T> the value type
 */
public final class Validated<T> {
    private final Optional<T> value;
    private final List<Problem> problems;

    private Validated(Optional<T> value, List<Problem> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    public static <T> Validated<T> valid(T value) {
        if (value == null) {
            throw new IllegalArgumentException("a valid result needs a value");
        }
        return new Validated<>(Optional.of(value), List.of());
    }

    public static <T> Validated<T> invalid(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one problem");
        }
        return new Validated<>(Optional.empty(), problems);
    }

    public boolean isValid() {
        return value.isPresent();
    }

    /**
     * The value; for an invalid result an {@link InvalidInputException} listing every problem, one per line, so a
     * host that does not check {@link #isValid()} still exits 2 with a useful message.
     */
    public T value() {
        return value.orElseThrow(() -> new InvalidInputException(problems.size() + " problem(s) in the spec:\n"
                + problems.stream().map(Problem::render).collect(Collectors.joining("\n"))));
    }

    /** This result with {@code mapper} applied to its value; the same problems when invalid. */
    public <R> Validated<R> map(Function<? super T, ? extends R> mapper) {
        return isValid() ? valid(mapper.apply(value.get())) : invalid(problems);
    }

    /** The value if valid. */
    public Optional<T> toOptional() {
        return value;
    }

    /** Every problem found, in file order; empty when valid. */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + value.get() : "invalid " + problems;
    }
}
