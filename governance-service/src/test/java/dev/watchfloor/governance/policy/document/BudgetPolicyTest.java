package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class BudgetPolicyTest {

    final BudgetPolicy budgets = new BudgetPolicy(List.of(
            new Department("soc", new BigDecimal("200"), 2_000_000, List.of("okta*", "crowdstrike")),
            new Department("cloud", new BigDecimal("50.5"), 500_000, List.of("aws-?", "gcp-*")),
            new Department("catch-all-but-first", BigDecimal.ONE, 1, List.of("*"))), 60_000, OnExhausted.HOLD);

    @Test
    void billsASourceToTheFirstDepartmentWhoseGlobMatches() {
        assertThat(budgets.departmentFor("okta-system-log").name()).isEqualTo("soc");
        assertThat(budgets.departmentFor("aws-1").name()).isEqualTo("cloud");
        assertThat(budgets.departmentFor("gcp-audit").name()).isEqualTo("cloud");
        assertThat(budgets.departmentFor("aws-12").name()).isEqualTo("catch-all-but-first");
    }

    @Test
    void billsAnUnclaimedSourceToTheFirstDepartment() {
        BudgetPolicy noCatchAll = new BudgetPolicy(budgets.departments().subList(0, 2), 1, OnExhausted.DETERMINISTIC);

        assertThat(noCatchAll.departmentFor("splunk").name()).isEqualTo("soc");
    }

    @Test
    void readsTheDefaultBudgets() throws PolicyRejected {
        BudgetPolicy defaults = PolicyParser.parse(PolicyParserTest.DEFAULT).budgets();

        assertThat(defaults.departmentFor("anything")).isEqualTo(
                new Department("soc", new BigDecimal("200"), 2_000_000, List.of("*")));
        assertThat(defaults.perInvestigationTokens()).isEqualTo(60_000);
        assertThat(defaults.onExhausted()).isEqualTo(OnExhausted.DETERMINISTIC);
    }
}
