package org.kpiledger.platform.tenancy;

import java.util.regex.Pattern;

/**
 * A tenant's id: the six-digit 全国地方公共団体コード of the municipality or prefecture, whose last digit checks the
 * first five (digits weighted 6, 5, 4, 3, 2; eleven less the sum's remainder by eleven, its last digit). Shinagawa is
 * {@code 131091}.
 */
public final class TenantCode {

    public static final int LENGTH = 6;
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{" + LENGTH + "}");

    private TenantCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10 == code.charAt(5) - '0';
    }
}
