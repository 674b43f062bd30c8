package org.hromada.project;

import java.time.Instant;
import java.util.List;

import org.hromada.aid.Sector;
import org.hromada.graphql.Money;

/**
 * A project as a 3W export lists it: who funds, answers for and implements it, where and
 * when; no personal data.
 *
 * @param id project id
 * @param communityPcode community of the project
 * @param sector humanitarian sector
 * @param status current status
 * @param accountable keys of the accountable organisations
 * @param implementing keys of the implementing organisations
 * @param funding keys of the funding organisations
 * @param startedAt when implementation started; null before
 * @param endedAt when the project was completed; null before
 * @param targeted people to benefit; may be null
 * @param reached people reached; may be null
 * @param budget budget per currency
 */
public record ProjectActivity(String id, String communityPcode, Sector sector, ProjectStatus status,
		List<String> accountable, List<String> implementing, List<String> funding, Instant startedAt, Instant endedAt,
		Integer targeted, Integer reached, List<Money> budget) {

}
