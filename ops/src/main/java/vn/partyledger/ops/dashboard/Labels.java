package vn.partyledger.ops.dashboard;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts of the current request's language (Vietnamese unless English was chosen) for pages and exported headers. */
@Component
class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String of(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    /** {@code enum.<Type>.<NAME>}, or the constant's name where no text exists yet. */
    String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return messages.getMessage("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name(), null,
                value.name(), locale());
    }

    String yesNo(boolean value) {
        return of(value ? "common.yes" : "common.no");
    }

    Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
