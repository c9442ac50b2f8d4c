package org.kpiledger.pages;

import java.util.Optional;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.security.LedgerRole;

/**
 * Who is looking at a page, as the page needs to know it: what to show and which links and forms to offer. The
 * security rules still decide every request; this only keeps a page from offering what would be refused.
 */
public record Viewer(String name, String department, boolean staff, boolean committee, boolean auditor,
                     boolean admin, boolean planner) {

    static final Viewer ANONYMOUS = new Viewer(null, null, false, false, false, false, false);

    public static Viewer current() {
        return LedgerPrincipal.current().map(Viewer::of).orElse(ANONYMOUS);
    }

    static Viewer of(LedgerPrincipal principal) {
        boolean admin = principal.has(LedgerRole.ADMIN);
        return new Viewer(principal.name(), principal.department(), admin || principal.has(LedgerRole.STAFF),
                admin || principal.has(LedgerRole.COMMITTEE), admin || principal.has(LedgerRole.AUDITOR), admin,
                admin || principal.has(LedgerRole.PLANNER));
    }

    public boolean signedIn() {
        return name != null;
    }

    /** Past states are read by committees and auditors, as on the API. */
    public boolean mayReadPast() {
        return committee || auditor;
    }

    /** Who recorded and changed what is for auditors, as the API's change history is. */
    public boolean maySeeActors() {
        return auditor;
    }

    /** Staff record the figures of their own department's KPIs; administrators any. */
    public boolean mayEnterFor(String kpiDepartment) {
        return admin || staff && kpiDepartment != null && kpiDepartment.equals(department);
    }

    public Optional<String> departmentCode() {
        return Optional.ofNullable(department);
    }
}
