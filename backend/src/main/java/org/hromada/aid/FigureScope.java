package org.hromada.aid;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;

/**
 * Which records a report's figures cover, for every feature that computes some (needs,
 * assignments, projects): communities, sectors and a half-open period [from, before).
 *
 * @param communityPcodes communities to include; {@code null} means every community
 * @param sectors sectors to include; empty means every sector
 * @param from start of the period, inclusive; may be null
 * @param before end of the period, exclusive; may be null
 */
public record FigureScope(Set<String> communityPcodes, Set<Sector> sectors, Instant from, Instant before) {

	public FigureScope {
		communityPcodes = (communityPcodes != null) ? Set.copyOf(communityPcodes) : null;
		sectors = (sectors != null) ? Set.copyOf(sectors) : Set.of();
	}

	/**
	 * The MongoDB condition of this scope on documents with {@code communityPcode} and
	 * {@code sector} fields, for a record that lasts from {@code startField} to
	 * {@code endField} (both the same field for an event, such as createdAt): it meets
	 * the period when it ends at or after {@code from} and starts before {@code before}.
	 */
	public Document match(String startField, String endField) {
		Document match = new Document();
		if (this.communityPcodes != null) {
			match.append("communityPcode", new Document("$in", List.copyOf(this.communityPcodes)));
		}
		if (!this.sectors.isEmpty()) {
			match.append("sector", new Document("$in", this.sectors.stream().map(Enum::name).toList()));
		}
		if (this.before != null) {
			match.append(startField, new Document("$lt", Date.from(this.before)));
		}
		if (this.from != null) {
			Document bound = match.get(endField, Document.class);
			Document from = new Document("$gte", Date.from(this.from));
			if (bound != null) {
				bound.putAll(from);
			}
			else {
				match.append(endField, from);
			}
		}
		return match;
	}

}
