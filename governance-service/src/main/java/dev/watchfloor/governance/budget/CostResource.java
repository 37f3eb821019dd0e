package dev.watchfloor.governance.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.commons.security.Roles;
import dev.watchfloor.commons.tenant.PrincipalResolver;
import dev.watchfloor.governance.policy.ActivePolicy;
import dev.watchfloor.governance.policy.TenantPolicies;
import dev.watchfloor.governance.policy.document.Department;

@Path("/v1/costs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.ANALYST})
public class CostResource {

    private static final int MAX_DAYS = 366;

    private final CostLedger ledger;
    private final TenantPolicies policies;
    private final PrincipalResolver principals;

    public CostResource(CostLedger ledger, TenantPolicies policies, PrincipalResolver principals) {
        this.ledger = ledger;
        this.policies = policies;
        this.principals = principals;
    }

    /** A department's budget in the active policy, what it spent and holds, and what remains. */
    public record DepartmentBudget(String department, BigDecimal monthlyUsd, BigDecimal spentUsd,
            BigDecimal reservedUsd, BigDecimal remainingUsd, long dailyTokens, long tokensToday, long reservedTokens,
            long remainingTokensToday) {

        static DepartmentBudget of(Department d, CostLedger.DepartmentSpend s) {
            BigDecimal remaining = d.monthlyUsd().subtract(s.monthUsd()).subtract(s.reservedUsd()).max(BigDecimal.ZERO);
            long tokens = Math.max(0, d.dailyTokens() - s.tokensToday() - s.reservedTokens());
            return new DepartmentBudget(d.name(), d.monthlyUsd(), s.monthUsd(), s.reservedUsd(), remaining,
                    d.dailyTokens(), s.tokensToday(), s.reservedTokens(), tokens);
        }
    }

    public record CostReport(String tenant, String policy, LocalDate from, LocalDate to,
            List<DepartmentBudget> budgets, List<CostLedger.CostRow> rows, BigDecimal totalUsd) {
    }

    @GET
    @Operation(summary = "Usage and cost of the caller's tenant per day, department, model route and step (from, to: "
            + "ISO dates, to exclusive; default this month), with each department's budget and what remains")
    public Uni<CostReport> report(@QueryParam("from") String from, @QueryParam("to") String to) {
        String tenant = principals.current().tenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = date("from", from, today.withDayOfMonth(1));
        LocalDate end = date("to", to, today.plusDays(1));
        if (!end.isAfter(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.badRequest("invalid-query", "to must be after from, at most " + MAX_DAYS
                    + " days apart");
        }
        return policies.active(tenant).chain(policy -> ledger.spendByDepartment(tenant)
                .chain(spend -> ledger.report(tenant, start, end).map(rows -> new CostReport(tenant, policy.label(),
                        start, end, budgets(policy, spend), rows,
                        rows.stream().map(CostLedger.CostRow::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add)))));
    }

    private static List<DepartmentBudget> budgets(ActivePolicy policy, Map<String, CostLedger.DepartmentSpend> spend) {
        CostLedger.DepartmentSpend none = new CostLedger.DepartmentSpend(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
        return policy.document().budgets().departments().stream()
                .map(d -> DepartmentBudget.of(d, spend.getOrDefault(d.name(), none))).toList();
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-query", name + " must be an ISO date (YYYY-MM-DD)");
        }
    }
}
