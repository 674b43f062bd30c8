package org.hromada.organization;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hromada.aid.Sector;
import org.hromada.graphql.LocalizedText;
import org.hromada.graphql.UserErrorException;
import org.hromada.organization.OrganizationInputs.CreateOrganizationInput;
import org.hromada.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Demonstration partner organisations for the local run, marked sample: the organisation
 * of the realm's partner.relief user. Load the sample communities first (it operates in
 * two of them). An organisation already stored under its key is left alone, so loading
 * again on every start changes nothing.
 */
@Component
public class SampleOrganizations {

	private static final Logger log = LoggerFactory.getLogger(SampleOrganizations.class);

	static final List<CreateOrganizationInput> SAMPLES = List.of(new CreateOrganizationInput("sample-relief",
			new LocalizedText("Семпл Рельєф Україна", "Sample Relief Ukraine"), null,
			OrganizationType.INTERNATIONAL_NGO, List.of(Sector.WASH, Sector.SHELTER_NFI),
			List.of("UA3214007", "UA6312015"), true));

	private final OrganizationService organizations;

	SampleOrganizations(OrganizationService organizations) {
		this.organizations = organizations;
	}

	public void load() {
		int created = 0;
		int unchanged = 0;
		for (CreateOrganizationInput sample : SAMPLES) {
			if (this.organizations.findByKey(sample.key()).isPresent()) {
				unchanged++;
				continue;
			}
			try {
				this.organizations.create(sample, Caller.SYSTEM);
				created++;
			}
			catch (UserErrorException ex) {
				log.warn("Sample organisation {} not loaded: {}", sample.key(), ex.errors());
			}
		}
		log.info("Sample organisations: {} created, {} unchanged", created, unchanged);
	}

}
