package org.kpiledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers which (password, stored hash) pairs already matched, so that an API client sending HTTP Basic with
 * every request pays the deliberately slow hash once, not per request. What is remembered is an HMAC under a key
 * that lives only in this process's memory, never a password. A changed password has a new stored hash and so
 * misses; a failed check is never remembered, so every wrong guess costs the full hash.
 */
class MemoizingPasswordEncoder implements PasswordEncoder {

    private static final int CAPACITY = 10_000;

    private final PasswordEncoder delegate;
    private final byte[] key = new byte[32];
    private final Map<String, Boolean> matched = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    MemoizingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String pair = mac(encodedPassword + '\n' + rawPassword);
        synchronized (matched) {
            if (matched.containsKey(pair)) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (matched) {
                matched.put(pair, Boolean.TRUE);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
