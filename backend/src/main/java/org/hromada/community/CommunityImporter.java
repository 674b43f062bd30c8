package org.hromada.community;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hromada.community.CommunityImportResult.Outcome;
import org.hromada.community.CommunityImportResult.RowResult;
import org.hromada.graphql.GeoPoint;
import org.hromada.graphql.InputValidation;
import org.hromada.graphql.LocalizedText;
import org.hromada.graphql.UserError;
import org.hromada.graphql.UserErrorCode;
import org.hromada.graphql.UserErrorException;
import org.hromada.security.Caller;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Imports a gazetteer in the OCHA COD column layout (ADM3_PCODE, ADM3_EN, ADM3_UA,
 * ADM2_..., ADM1_...). Rows are matched on P-code, so importing the same file again
 * changes nothing. Each row stands alone: a bad row is reported with the columns at fault
 * and the other rows are still imported.
 */
@Component
class CommunityImporter {

	static final int MAX_ROWS = 5_000;

	static final int MAX_CHARACTERS = 5_000_000;

	private static final List<String> REQUIRED = List.of("ADM3_PCODE", "ADM3_EN", "ADM3_UA", "ADM2_PCODE", "ADM2_EN",
			"ADM2_UA", "ADM1_PCODE", "ADM1_EN", "ADM1_UA");

	/** Field paths of {@link CommunityFields} and the CSV columns they come from. */
	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("pcode", "ADM3_PCODE"),
			Map.entry("katottg", "KATOTTG"), Map.entry("name.en", "ADM3_EN"), Map.entry("name.uk", "ADM3_UA"),
			Map.entry("adm2.pcode", "ADM2_PCODE"), Map.entry("adm2.name.en", "ADM2_EN"),
			Map.entry("adm2.name.uk", "ADM2_UA"), Map.entry("adm1.pcode", "ADM1_PCODE"),
			Map.entry("adm1.name.en", "ADM1_EN"), Map.entry("adm1.name.uk", "ADM1_UA"),
			Map.entry("population", "POPULATION"), Map.entry("location.latitude", "LATITUDE"),
			Map.entry("location.longitude", "LONGITUDE"), Map.entry("accessStatus", "ACCESS_STATUS"));

	private final CommunityService communities;

	private final CommunityRepository repository;

	private final CommunityMapper mapper;

	private final InputValidation validation;

	CommunityImporter(CommunityService communities, CommunityRepository repository, CommunityMapper mapper,
			InputValidation validation) {
		this.communities = communities;
		this.repository = repository;
		this.mapper = mapper;
		this.validation = validation;
	}

	CommunityImportResult importCsv(String csv, boolean sample, Caller caller) {
		if (csv == null || csv.isBlank()) {
			return CommunityImportResult.refused(fileError("The CSV is empty"));
		}
		if (csv.length() > MAX_CHARACTERS) {
			return CommunityImportResult.refused(fileError("The CSV is larger than 5 MB; split it"));
		}
		List<CsvReader.Record> records;
		try {
			records = CsvReader.read(csv);
		}
		catch (CsvReader.MalformedCsvException ex) {
			return CommunityImportResult.refused(fileError("The CSV is not readable: " + ex.getMessage()));
		}
		Map<String, Integer> header = header(records.get(0));
		List<String> missing = REQUIRED.stream().filter(column -> !header.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			return CommunityImportResult.refused(fileError("The header lacks the columns " + missing));
		}
		List<CsvReader.Record> rows = records.subList(1, records.size());
		if (rows.size() > MAX_ROWS) {
			return CommunityImportResult
				.refused(fileError("The CSV has " + rows.size() + " rows; at most " + MAX_ROWS + " per import"));
		}
		Map<String, CommunityDocument> stored = storedCommunities(rows, header);
		Map<String, Integer> firstLineOfPcode = new HashMap<>();
		List<RowResult> results = new ArrayList<>(rows.size());
		for (CsvReader.Record row : rows) {
			results.add(importRow(row, header, sample, stored, firstLineOfPcode, caller));
		}
		return CommunityImportResult.of(results);
	}

	private RowResult importRow(CsvReader.Record row, Map<String, Integer> header, boolean sample,
			Map<String, CommunityDocument> stored, Map<String, Integer> firstLineOfPcode, Caller caller) {
		Function<String, String> cell = column -> cell(row, header, column);
		String pcode = cell.apply("ADM3_PCODE");
		List<UserError> errors = new ArrayList<>();
		CommunityFields fields = parse(cell, errors);
		if (errors.isEmpty()) {
			errors.addAll(this.validation.check(fields, path -> List.of(COLUMNS.getOrDefault(path, path))));
		}
		if (errors.isEmpty()) {
			Integer earlier = firstLineOfPcode.putIfAbsent(pcode, row.line());
			if (earlier != null) {
				errors.add(UserError.of(UserErrorCode.DUPLICATE,
						"P-code " + pcode + " appears already on line " + earlier + " of this file", "ADM3_PCODE"));
			}
		}
		if (!errors.isEmpty()) {
			return new RowResult(row.line(), pcode, Outcome.FAILED, null, errors);
		}
		try {
			return store(row.line(), fields, sample, stored.get(pcode), caller);
		}
		catch (UserErrorException ex) {
			return new RowResult(row.line(), pcode, Outcome.FAILED, null,
					ex.errors()
						.stream()
						.map(error -> new UserError(List.of("ADM3_PCODE"), error.code(), error.message()))
						.toList());
		}
		catch (OptimisticLockingFailureException ex) {
			return new RowResult(row.line(), pcode, Outcome.FAILED, null, List.of(UserError.of(UserErrorCode.CONFLICT,
					"The community was changed while importing; import the row again", "ADM3_PCODE")));
		}
	}

	private RowResult store(int line, CommunityFields fields, boolean sample, CommunityDocument existing,
			Caller caller) {
		if (existing == null) {
			CommunityDocument document = new CommunityDocument();
			this.mapper.apply(fields, document);
			document.setSample(sample);
			CommunityDocument saved = this.communities.insert(document);
			this.communities.recordChange(caller, "community.created", saved);
			return new RowResult(line, fields.pcode(), Outcome.CREATED, this.mapper.toApi(saved), List.of());
		}
		if (this.mapper.toFields(existing).equals(fields) && existing.isSample() == sample) {
			return new RowResult(line, fields.pcode(), Outcome.UNCHANGED, this.mapper.toApi(existing), List.of());
		}
		this.mapper.apply(fields, existing);
		existing.setSample(sample);
		CommunityDocument saved = this.repository.save(existing);
		this.communities.recordChange(caller, "community.updated", saved);
		return new RowResult(line, fields.pcode(), Outcome.UPDATED, this.mapper.toApi(saved), List.of());
	}

	/** All stored communities the file names, in one query. */
	private Map<String, CommunityDocument> storedCommunities(List<CsvReader.Record> rows, Map<String, Integer> header) {
		Set<String> pcodes = rows.stream()
			.map(row -> cell(row, header, "ADM3_PCODE"))
			.filter(pcode -> pcode != null)
			.collect(Collectors.toSet());
		return this.repository.findByPcodeIn(pcodes)
			.stream()
			.collect(Collectors.toMap(CommunityDocument::getPcode, Function.identity()));
	}

	private static CommunityFields parse(Function<String, String> cell, List<UserError> errors) {
		Integer population = parseNumber(cell, "POPULATION", errors, Integer::valueOf, "a whole number");
		Double latitude = parseNumber(cell, "LATITUDE", errors, Double::valueOf, "a number of degrees");
		Double longitude = parseNumber(cell, "LONGITUDE", errors, Double::valueOf, "a number of degrees");
		if ((latitude == null) != (longitude == null)) {
			errors.add(UserError.of(UserErrorCode.INVALID, "LATITUDE and LONGITUDE must be given together",
					(latitude == null) ? "LATITUDE" : "LONGITUDE"));
		}
		AccessStatus accessStatus = AccessStatus.ACCESSIBLE;
		String status = cell.apply("ACCESS_STATUS");
		if (status != null) {
			try {
				accessStatus = AccessStatus
					.valueOf(status.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				errors.add(UserError.of(UserErrorCode.INVALID,
						"ACCESS_STATUS must be ACCESSIBLE, HARD_TO_REACH or INACCESSIBLE", "ACCESS_STATUS"));
			}
		}
		GeoPoint location = (latitude != null && longitude != null) ? new GeoPoint(latitude, longitude) : null;
		return new CommunityFields(cell.apply("ADM3_PCODE"), cell.apply("KATOTTG"), text(cell, "ADM3_UA", "ADM3_EN"),
				new AdminUnit(cell.apply("ADM1_PCODE"), text(cell, "ADM1_UA", "ADM1_EN")),
				new AdminUnit(cell.apply("ADM2_PCODE"), text(cell, "ADM2_UA", "ADM2_EN")), population, location,
				accessStatus);
	}

	private static LocalizedText text(Function<String, String> cell, String ukColumn, String enColumn) {
		return new LocalizedText(cell.apply(ukColumn), cell.apply(enColumn));
	}

	private static <T> T parseNumber(Function<String, String> cell, String column, List<UserError> errors,
			Function<String, T> parser, String expected) {
		String value = cell.apply(column);
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (NumberFormatException ex) {
			errors.add(UserError.of(UserErrorCode.INVALID, column + " must be " + expected, column));
			return null;
		}
	}

	private static Map<String, Integer> header(CsvReader.Record record) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (int i = 0; i < record.fields().size(); i++) {
			columns.putIfAbsent(record.fields().get(i).strip().toUpperCase(Locale.ROOT), i);
		}
		return columns;
	}

	/**
	 * The trimmed cell of a column, or null when the column is absent or the cell blank.
	 */
	private static String cell(CsvReader.Record row, Map<String, Integer> header, String column) {
		Integer index = header.get(column);
		if (index == null || index >= row.fields().size()) {
			return null;
		}
		String value = row.fields().get(index).strip();
		return value.isEmpty() ? null : value;
	}

	private static UserError fileError(String message) {
		return UserError.of(UserErrorCode.INVALID, message, "input", "csv");
	}

}
