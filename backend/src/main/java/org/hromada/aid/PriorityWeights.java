package org.hromada.aid;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Weights of the priority factors (hromada.aid.priority.*), and the value each sector
 * contributes. Defaults are in application.yml and explained in the README.
 *
 * @param urgency weight of the reported urgency
 * @param peopleAffected weight of the number of people affected
 * @param vulnerableGroups weight of the share of children, older people and people with
 * disability
 * @param sector weight of the sector's value
 * @param timeWaiting weight of the time since the need was logged
 * @param access weight of the community's access status
 * @param waitingDaysForFullWeight days of waiting at which that factor reaches 1
 * @param peopleForFullWeight people affected at which that factor reaches 1 (logarithmic)
 * @param sectorValues value of each sector from 0 to 1; sectors not listed count 0.5
 */
@ConfigurationProperties("hromada.aid.priority")
record PriorityWeights(double urgency, double peopleAffected, double vulnerableGroups, double sector,
		double timeWaiting, double access, double waitingDaysForFullWeight, int peopleForFullWeight,
		Map<Sector, Double> sectorValues) {

	PriorityWeights {
		sectorValues = (sectorValues != null) ? new EnumMap<>(sectorValues) : new EnumMap<>(Sector.class);
		if (urgency + peopleAffected + vulnerableGroups + sector + timeWaiting + access <= 0) {
			throw new IllegalArgumentException("hromada.aid.priority: the weights must add up to more than 0");
		}
	}

	double total() {
		return this.urgency + this.peopleAffected + this.vulnerableGroups + this.sector + this.timeWaiting
				+ this.access;
	}

	double sectorValue(Sector sector) {
		return this.sectorValues.getOrDefault(sector, 0.5);
	}

}
