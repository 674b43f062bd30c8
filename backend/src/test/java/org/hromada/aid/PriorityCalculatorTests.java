package org.hromada.aid;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hromada.community.AccessStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PriorityCalculatorTests {

	private final PriorityCalculator calculator = new PriorityCalculator(
			new PriorityWeights(3, 2, 1.5, 1, 1, 1, 14, 1000, Map.of(Sector.HEALTH, 1.0, Sector.TELECOMS, 0.4)));

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@Test
	void lifeThreateningNeedOfManyVulnerablePeopleInAnInaccessibleCommunityIsCritical() {
		PriorityCalculator.Result result = this.calculator
			.compute(new PriorityCalculator.Inputs(Urgency.LIFE_THREATENING, people(1000, 500), Sector.HEALTH,
					NOW.minus(Duration.ofDays(14)), NOW, AccessStatus.INACCESSIBLE));
		assertThat(result.priority()).isEqualTo(Priority.CRITICAL);
		assertThat(result.score()).isCloseTo(8.75 / 9.5, within(0.0001));
	}

	@Test
	void routineNeedOfOnePersonJustLoggedIsLow() {
		PriorityCalculator.Result result = this.calculator.compute(new PriorityCalculator.Inputs(Urgency.ROUTINE,
				people(1, 0), Sector.TELECOMS, NOW, NOW, AccessStatus.ACCESSIBLE));
		assertThat(result.priority()).isEqualTo(Priority.LOW);
	}

	@Test
	void contributionsAddUpToTheScoreAndEachFactorIsExplained() {
		PriorityCalculator.Result result = this.calculator.compute(new PriorityCalculator.Inputs(Urgency.URGENT,
				people(40, 10), Sector.WASH, NOW.minus(Duration.ofDays(7)), NOW, AccessStatus.HARD_TO_REACH));
		assertThat(result.factors()).extracting(PriorityFactor::factor)
			.containsExactly("URGENCY", "PEOPLE_AFFECTED", "VULNERABLE_GROUPS", "SECTOR", "TIME_WAITING", "ACCESS");
		assertThat(result.factors().stream().mapToDouble(PriorityFactor::contribution).sum()).isCloseTo(result.score(),
				within(0.001));
		assertThat(result.factors().get(4).value()).isEqualTo(0.5);
		assertThat(result.factors().get(3).value()).as("unlisted sector").isEqualTo(0.5);
	}

	@Test
	void waitingLongerNeverLowersThePriority() {
		double earlier = score(NOW.minus(Duration.ofDays(1)));
		double later = score(NOW.minus(Duration.ofDays(10)));
		assertThat(later).isGreaterThan(earlier);
	}

	private double score(Instant loggedAt) {
		return this.calculator
			.compute(new PriorityCalculator.Inputs(Urgency.SOON, people(20, 2), Sector.WASH, loggedAt, NOW,
					AccessStatus.ACCESSIBLE))
			.score();
	}

	private static PeopleAffected people(int total, int children) {
		return new PeopleAffected(total, children / 2, children - children / 2, null, null, null, null, null);
	}

}
