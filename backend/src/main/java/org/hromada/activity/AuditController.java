package org.hromada.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.hromada.graphql.BadRequestException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Admins' checks of the audit trail: a chain's verification and the signed checkpoints.
 */
@Controller
class AuditController {

	private final AuditChainVerifier verifier;

	private final AuditCheckpoints checkpoints;

	private final ActivityMapper mapper;

	AuditController(AuditChainVerifier verifier, AuditCheckpoints checkpoints, ActivityMapper mapper) {
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.mapper = mapper;
	}

	@QueryMapping
	AuditVerification verifyAuditChain(@Argument String communityPcode, @Argument OffsetDateTime from,
			@Argument OffsetDateTime to, @Argument Long throughSeq) {
		return this.verifier.verify(communityPcode, (from != null) ? from.toInstant() : null,
				(to != null) ? to.toInstant() : null, throughSeq);
	}

	@QueryMapping
	AuditCheckpoint auditCheckpoint(@Argument String day) {
		LocalDate date;
		try {
			date = LocalDate.parse(day);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException("day must be a date as YYYY-MM-DD");
		}
		AuditCheckpointDocument checkpoint = this.checkpoints.find(date);
		return (checkpoint != null) ? this.mapper.toApi(checkpoint) : null;
	}

}
