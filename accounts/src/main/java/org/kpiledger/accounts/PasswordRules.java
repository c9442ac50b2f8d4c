package org.kpiledger.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import org.kpiledger.platform.web.InvalidFieldException;

/**
 * What a local account's password must be (NIST SP 800-63B's rules, without composition rules): 12 characters or
 * more, at most 72 bytes (what bcrypt reads), not one of the 100,000 most common passwords (nbvcxz's list, in any
 * letter case), and not containing the username.
 */
public final class PasswordRules {

    static final int MIN_CHARACTERS = 12;
    static final int MAX_BYTES = 72;

    private static final class CommonPasswords {
        static final Set<String> LIST = ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(dictionary -> dictionary.getDictionaryName().equals("passwords"))
                .map(Dictionary::getDictonary)
                .flatMap(words -> words.keySet().stream())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private PasswordRules() {
    }

    /** Refuses a password that breaks a rule, naming {@code field} as the one at fault. */
    public static void check(String password, String username, String field) {
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "A password is at least " + MIN_CHARACTERS
                    + " characters and at most " + MAX_BYTES + " bytes in UTF-8.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (CommonPasswords.LIST.contains(folded)) {
            throw new InvalidFieldException(field, "This password is on the list of the most common passwords, "
                    + "the first that anybody guesses; choose another.");
        }
        if (folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, "A password must not contain the username.");
        }
    }
}
