package org.hromada.aid;

/** Global humanitarian clusters, with the cluster codes used in 3W exports. */
public enum Sector {

	SHELTER_NFI("SHL"), CAMP_MANAGEMENT("CCM"), FOOD_SECURITY("FSC"), WASH("WSH"), LOGISTICS("LOG"), PROTECTION("PRO"),
	CHILD_PROTECTION("PRO-CPN"), GBV("PRO-GBV"), HOUSING_LAND_PROPERTY("PRO-HLP"), MINE_ACTION("PRO-MIN"),
	EDUCATION("EDU"), NUTRITION("NUT"), HEALTH("HEA"), EARLY_RECOVERY("ERY"), TELECOMS("TEL"), MULTIPURPOSE_CASH("MPC");

	private final String clusterCode;

	Sector(String clusterCode) {
		this.clusterCode = clusterCode;
	}

	public String clusterCode() {
		return this.clusterCode;
	}

	/**
	 * Whether the sector's needs concern people at risk (PROTECTION, GBV,
	 * CHILD_PROTECTION), whose sex and age groups can single them out.
	 */
	public boolean protectsPeopleAtRisk() {
		return this == PROTECTION || this == GBV || this == CHILD_PROTECTION;
	}

}
