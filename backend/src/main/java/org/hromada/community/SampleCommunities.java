package org.hromada.community;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hromada.security.Caller;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demonstration communities for the local run, marked sample. Loaded through the
 * gazetteer import, so loading them again on every start changes nothing.
 */
@Component
public class SampleCommunities {

	private static final Logger log = LoggerFactory.getLogger(SampleCommunities.class);

	private final CommunityImporter importer;

	SampleCommunities(CommunityImporter importer) {
		this.importer = importer;
	}

	public void load() {
		try (InputStream in = new ClassPathResource("sample/communities.csv").getInputStream()) {
			CommunityImportResult result = this.importer
				.importCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), true, Caller.SYSTEM);
			log.info("Sample communities: {} created, {} updated, {} unchanged, {} failed", result.created(),
					result.updated(), result.unchanged(), result.failed());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
