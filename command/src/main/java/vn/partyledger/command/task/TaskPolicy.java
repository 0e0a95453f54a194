package vn.partyledger.command.task;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;

/** The rules a task assignment is judged by, in the version in force on the assignment date. */
record TaskPolicy(FourClears fourClears) {

    record Rule(String code, String basis) {
        LedgerRefusalException refuse(String field, String message) {
            return LedgerRefusalException.rule(RuleOutcome.violation(code, basis, message), field);
        }
    }

    /**
     * T1. An assignment names who, what, by when and the expected result ("bốn rõ"); {@code clears} lists them in the
     * order a secretary reads them, so the first missing one is the one named.
     */
    record FourClears(Rule rule, List<String> clears) {
        void check(String assigneeId, String description, LocalDate dueDate, String expectedResult) {
            for (String clear : clears) {
                Object value = switch (clear) {
                    case "assigneeId" -> assigneeId;
                    case "description" -> description;
                    case "dueDate" -> dueDate;
                    case "expectedResult" -> expectedResult;
                    default -> throw new IllegalStateException("unknown clear " + clear);
                };
                if (value == null || (value instanceof String s && s.isBlank())) {
                    throw rule.refuse(clear, "a task must say " + meaning(clear) + " (the four clears)");
                }
            }
        }

        private static String meaning(String clear) {
            return switch (clear) {
                case "assigneeId" -> "who does it";
                case "description" -> "what is to be done";
                case "dueDate" -> "by when";
                default -> "what result is expected";
            };
        }
    }
}
