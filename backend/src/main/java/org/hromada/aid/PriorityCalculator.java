package org.hromada.aid;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hromada.community.AccessStatus;

import org.springframework.stereotype.Component;

/**
 * Computes the priority of a need as a weighted average of six factors, each from 0 to 1,
 * and says how much each contributed. The weights are configuration, so coordinators'
 * practice can tune them without a release.
 */
@Component
class PriorityCalculator {

	private final PriorityWeights weights;

	PriorityCalculator(PriorityWeights weights) {
		this.weights = weights;
	}

	/** The inputs of a priority. */
	record Inputs(Urgency urgency, PeopleAffected people, Sector sector, Instant loggedAt, Instant now,
			AccessStatus access) {

	}

	/** A computed priority with its explanation. */
	record Result(Priority priority, double score, List<PriorityFactor> factors, Instant computedAt) {

	}

	Result compute(Inputs inputs) {
		double total = this.weights.total();
		List<PriorityFactor> factors = new ArrayList<>();
		factors.add(factor("URGENCY", inputs.urgency().factor(), this.weights.urgency(), total));
		factors
			.add(factor("PEOPLE_AFFECTED", peopleValue(inputs.people().total()), this.weights.peopleAffected(), total));
		factors.add(
				factor("VULNERABLE_GROUPS", inputs.people().vulnerableShare(), this.weights.vulnerableGroups(), total));
		factors.add(factor("SECTOR", this.weights.sectorValue(inputs.sector()), this.weights.sector(), total));
		factors.add(factor("TIME_WAITING", waitingValue(inputs.loggedAt(), inputs.now()), this.weights.timeWaiting(),
				total));
		factors.add(factor("ACCESS", accessValue(inputs.access()), this.weights.access(), total));
		double score = round(factors.stream().mapToDouble(PriorityFactor::contribution).sum());
		return new Result(Priority.ofScore(score), score, List.copyOf(factors), inputs.now());
	}

	/** Logarithmic: 10 people count far more than 1, 1,010 hardly more than 1,000. */
	private double peopleValue(int people) {
		return Math.min(1.0, Math.log10(people + 1.0) / Math.log10(this.weights.peopleForFullWeight() + 1.0));
	}

	private double waitingValue(Instant loggedAt, Instant now) {
		double days = Math.max(0, Duration.between(loggedAt, now).toMinutes()) / (24.0 * 60.0);
		return Math.min(1.0, days / this.weights.waitingDaysForFullWeight());
	}

	/**
	 * Communities few can reach get more weight: fewer actors are likely to serve them.
	 */
	private static double accessValue(AccessStatus access) {
		return switch (access) {
			case INACCESSIBLE -> 1.0;
			case HARD_TO_REACH -> 0.6;
			case ACCESSIBLE -> 0.2;
		};
	}

	private static PriorityFactor factor(String name, double value, double weight, double totalWeight) {
		return new PriorityFactor(name, round(value), weight, round(value * weight / totalWeight));
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
