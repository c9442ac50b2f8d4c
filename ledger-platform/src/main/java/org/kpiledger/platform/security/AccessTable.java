package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the rows every feature contributes ({@link AccessRules}), rules with a query parameter first,
 * then in the order given; the first rule that matches decides. The security filter chain is configured from it and
 * refuses whatever it does not name (401 anonymous, 403 signed in), and a refusal names the role the rule asks for.
 */
public final class AccessTable {

    private final List<AccessRule> rules;

    public AccessTable(List<AccessRules> contributions) {
        this.rules = contributions.stream().flatMap(contribution -> contribution.rules().stream())
                .sorted(Comparator.comparing(rule -> rule.parameter() == null))
                .toList();
    }

    public List<AccessRule> rules() {
        return rules;
    }

    /** The rule that decides a handler mapping's method and path (without query parameters); empty when none does. */
    public Optional<AccessRule> ruleFor(HttpMethod method, String mappingPattern) {
        return rules.stream().filter(rule -> rule.parameter() == null && rule.covers(method, mappingPattern))
                .findFirst();
    }

    /** The rules that decide the mapping instead when the request carries their parameter ({@code ?asOf=}). */
    public List<AccessRule> parameterRulesFor(HttpMethod method, String mappingPattern) {
        return rules.stream().filter(rule -> rule.parameter() != null && rule.covers(method, mappingPattern))
                .toList();
    }

    /** The rule that decides a request; empty when the table names none, and the request is refused. */
    public Optional<AccessRule> ruleFor(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matches(request)).findFirst();
    }
}
