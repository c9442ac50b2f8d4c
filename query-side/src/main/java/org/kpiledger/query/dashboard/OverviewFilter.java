package org.kpiledger.query.dashboard;

import java.util.Locale;
import org.kpiledger.pages.Viewer;
import org.kpiledger.query.progress.KpiProgressView;

/**
 * The overview's filters as the reader set them; each blank one lets every KPI through. {@code department} is a
 * department code, {@code mine} (the viewer's own) or {@code none} (KPIs no department owns yet); {@code q} is
 * searched in the KPI's id and name, and in its measure's and policy's titles.
 */
public record OverviewFilter(Integer goal, String grade, String department, String accumulation, String q) {

    static final String MINE = "mine";
    static final String NONE = "none";

    public OverviewFilter {
        grade = blankToNull(grade);
        department = blankToNull(department);
        accumulation = blankToNull(accumulation);
        q = blankToNull(q);
    }

    public boolean active() {
        return goal != null || grade != null || department != null || accumulation != null || q != null;
    }

    boolean matches(KpiProgressView kpi, Viewer viewer) {
        return (goal == null || kpi.strategy() != null && kpi.strategy().goal() != null
                        && kpi.strategy().goal().number() == goal)
                && (grade == null || grade.equals(kpi.achievement().grade()))
                && (department == null || matchesDepartment(kpi.department(), viewer))
                && (accumulation == null || accumulation.equals(kpi.accumulation().name()))
                && (q == null || text(kpi).contains(q.toLowerCase(Locale.ROOT)));
    }

    private boolean matchesDepartment(String owner, Viewer viewer) {
        return switch (department) {
            case NONE -> owner == null;
            case MINE -> owner != null && owner.equals(viewer.department());
            default -> department.equals(owner);
        };
    }

    private static String text(KpiProgressView kpi) {
        StringBuilder text = new StringBuilder(kpi.kpiId()).append(' ').append(kpi.name());
        if (kpi.strategy() != null) {
            text.append(' ').append(kpi.strategy().policy().title()).append(' ')
                    .append(kpi.strategy().measure().title());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
