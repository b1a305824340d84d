package com.promotracking.promocodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import com.promotracking.promocodes.InvalidCsvFile.Reason;

/**
 * Reads a promo code import file as it streams in (FastCSV, RFC 4180 quoting), never holding the whole file: the
 * header names the columns, in English, in French or as impact.com exports them, in any order; each data row
 * goes to the caller with the line it starts on, so a refused code can be pointed at in the file. A file that is
 * not such a CSV at all is an {@link InvalidCsvFile}, raised as soon as it is seen.
 */
final class PromoCodeCsvReader {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	/** Data rows, the header excluded. */
	static final int MAX_ROWS = 20_000;

	static final int MAX_COLUMNS = 100;

	static final int MAX_FIELD_CHARS = 4_096;

	/** The separator is counted on the first line: a longer one is no header. */
	static final int MAX_HEADER_CHARS = 64 * 1024;

	/**
	 * The most characters FastCSV buffers for one value. Far above {@link #MAX_FIELD_CHARS}, so that a long value
	 * is refused by its length; what outgrows it is a quote left open, which would otherwise swallow the file.
	 */
	private static final int MAX_BUFFER_CHARS = 16 * MAX_FIELD_CHARS;

	/**
	 * Appended after the file's last byte, on a line of its own: a NUL, which no accepted file holds. It comes back
	 * as a record of its own when every quote was closed, and inside the last value when one was left open, which
	 * FastCSV otherwise reads up to the end without a word.
	 */
	private static final String END = "\n\u0000";

	private static final char END_MARK = '\u0000';

	/** What the export writes with an apostrophe before it; a CR comes here as a LF (see the line breaks). */
	private static final String NEUTRALIZED = "=+-@\t\r\n";

	private static final Map<String, Field> FIELD_NAMES = Map.ofEntries(Map.entry("promo code", Field.CODE),
			Map.entry("code promo", Field.CODE), Map.entry("code", Field.CODE),
			Map.entry("partner id", Field.PARTNER_ID), Map.entry("id du partenaire", Field.PARTNER_ID),
			Map.entry("media id", Field.PARTNER_ID), Map.entry("mediaid", Field.PARTNER_ID),
			Map.entry("partner", Field.PARTNER), Map.entry("partenaire", Field.PARTNER),
			Map.entry("match type", Field.MATCH_TYPE), Map.entry("type de correspondance", Field.MATCH_TYPE),
			Map.entry("match mode", Field.MATCH_TYPE), Map.entry("correspondance", Field.MATCH_TYPE),
			Map.entry("credit policy", Field.CREDIT_POLICY), Map.entry("règle de crédit", Field.CREDIT_POLICY),
			Map.entry("règle d'attribution", Field.CREDIT_POLICY), Map.entry("règle d’attribution", Field.CREDIT_POLICY),
			Map.entry("credit rule", Field.CREDIT_POLICY), Map.entry("start date", Field.START),
			Map.entry("date de début", Field.START), Map.entry("début", Field.START),
			Map.entry("active start date", Field.START), Map.entry("end date", Field.END),
			Map.entry("date de fin", Field.END), Map.entry("fin", Field.END), Map.entry("active end date", Field.END),
			Map.entry("time zone", Field.TIME_ZONE), Map.entry("fuseau horaire", Field.TIME_ZONE),
			Map.entry("timezone", Field.TIME_ZONE));

	/** Columns of impact.com's promo code export that mean nothing here. */
	private static final Set<String> IMPACT_COLUMNS = Set.of("program id", "type", "deal id");

	static final String PARTNER_NAME_IGNORED = "promoCodeImport.notice.partnerNameIgnored";

	static final String IMPACT_COLUMN_IGNORED = "promoCodeImport.notice.impactColumnIgnored";

	static final String UNKNOWN_COLUMN = "promoCodeImport.notice.unknownColumn";

	static final String UNNAMED_COLUMN = "promoCodeImport.notice.unnamedColumn";

	private PromoCodeCsvReader() {
	}

	/** Reads the file; hands each data row to rows in file order; returns what the file said besides its rows. */
	static CsvImportFile read(InputStream in, Consumer<CsvImportRow> rows) {
		BufferedReader text = new BufferedReader(new Utf8OrWindows1252Reader(in, END));
		char separator;
		try {
			separator = separator(text);
		}
		catch (IOException ex) {
			throw new InvalidCsvFile(Reason.UNREADABLE);
		}
		Records records = new Records();
		CsvReader<Record> csv = CsvReader.builder()
			.fieldSeparator(separator)
			.skipEmptyLines(true)
			// Every line's count of values is checked against the header's here, with the line in the message.
			.allowExtraFields(true)
			.allowMissingFields(true)
			// "a"b reads as ab, as spreadsheets read it.
			.allowExtraCharsAfterClosingQuote(true)
			.maxBufferSize(MAX_BUFFER_CHARS)
			.build(records, text);
		Header header = null;
		int count = 0;
		CloseableIterator<Record> iterator = csv.iterator();
		for (Record record = next(iterator, records); !record.end(); record = next(iterator, records)) {
			if (record.blank()) {
				continue;
			}
			if (header == null) {
				header = Header.of(record);
				continue;
			}
			if (record.fieldCount() != header.columns()) {
				throw new InvalidCsvFile(Reason.FIELD_COUNT, record.line(), record.fieldCount(), header.columns());
			}
			if (++count > MAX_ROWS) {
				throw new InvalidCsvFile(Reason.TOO_MANY_ROWS, MAX_ROWS);
			}
			rows.accept(header.row(record));
		}
		if (header == null) {
			throw new InvalidCsvFile(Reason.EMPTY);
		}
		if (count == 0) {
			throw new InvalidCsvFile(Reason.NO_ROWS);
		}
		return new CsvImportFile(count, separator, header.notices());
	}

	/**
	 * Comma or semicolon, whichever the first line has more of outside quotes: Excel writes semicolons where the
	 * decimal separator is a comma, as in French.
	 */
	private static char separator(BufferedReader text) throws IOException {
		text.mark(MAX_HEADER_CHARS + 2);
		int commas = 0;
		int semicolons = 0;
		boolean started = false;
		boolean quoted = false;
		for (int read = 1;; read++) {
			if (read > MAX_HEADER_CHARS) {
				throw new InvalidCsvFile(Reason.HEADER_TOO_LONG);
			}
			int c = text.read();
			if (c == -1 || c == END_MARK) {
				break;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\r' || c == '\n')) {
				if (started) {
					break;
				}
				// An empty line before the header is skipped, as FastCSV skips it.
			}
			else {
				started = true;
				if (!quoted && c == ',') {
					commas++;
				}
				else if (!quoted && c == ';') {
					semicolons++;
				}
			}
		}
		text.reset();
		return (semicolons > commas) ? ';' : ',';
	}

	/** The next record, or a refusal: nothing FastCSV throws escapes as anything but an invalid file. */
	private static Record next(CloseableIterator<Record> iterator, Records records) {
		try {
			return iterator.hasNext() ? iterator.next() : Record.END_OF_FILE;
		}
		catch (CsvParseException | UncheckedIOException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidCsvFile refusal) {
					throw refusal;
				}
				if (cause instanceof IOException) {
					throw new InvalidCsvFile(Reason.UNREADABLE);
				}
			}
			// FastCSV refuses nothing else with these options: the value outgrew its buffer, a quote left open.
			throw new InvalidCsvFile(Reason.UNTERMINATED_QUOTE, records.line());
		}
	}

	/** The cell as it was before the export wrote it as text ('=1 back to =1), without surrounding spaces. */
	static String value(String cell) {
		boolean neutralized = cell.length() > 1 && cell.charAt(0) == '\''
				&& NEUTRALIZED.indexOf(cell.charAt(1)) >= 0;
		return (neutralized ? cell.substring(1) : cell).strip();
	}

	/** A data row: each value stripped, "" where the file has no such column or an empty cell. */
	public record CsvImportRow(int line, String code, String partner, boolean partnerById, String matchType,
			String creditPolicy, String startDate, String endDate, String timeZone) {
	}

	/**
	 * What the file said besides its rows: how many there were, its separator, and the columns it had that were
	 * not read.
	 */
	record CsvImportFile(int rows, char separator, List<CsvNotice> notices) {

		CsvImportFile {
			notices = List.copyOf(notices);
		}

	}

	/** A column that was not read, and the key of why. */
	public record CsvNotice(String column, String messageKey) {
	}

	private enum Field {

		CODE, PARTNER_ID, PARTNER, MATCH_TYPE, CREDIT_POLICY, START, END, TIME_ZONE

	}

	/** Where each field is in the file's rows, and the columns that were not read. */
	private record Header(int columns, Map<Field, Integer> positions, List<CsvNotice> notices) {

		static Header of(Record record) {
			if (record.fieldCount() > MAX_COLUMNS) {
				throw new InvalidCsvFile(Reason.TOO_MANY_COLUMNS, record.fieldCount(), MAX_COLUMNS);
			}
			Map<Field, Integer> positions = new EnumMap<>(Field.class);
			List<CsvNotice> notices = new ArrayList<>();
			for (int i = 0; i < record.fieldCount(); i++) {
				String name = record.field(i).replace("\uFEFF", "").strip();
				String key = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
				Field field = FIELD_NAMES.get(key);
				if (field != null) {
					if (positions.putIfAbsent(field, i) != null) {
						throw new InvalidCsvFile(Reason.DUPLICATE_COLUMN, name);
					}
				}
				else if (name.isEmpty()) {
					notices.add(new CsvNotice(String.valueOf(i + 1), UNNAMED_COLUMN));
				}
				else {
					notices.add(new CsvNotice(name, IMPACT_COLUMNS.contains(key) ? IMPACT_COLUMN_IGNORED : UNKNOWN_COLUMN));
				}
			}
			if (!positions.containsKey(Field.CODE)) {
				throw new InvalidCsvFile(Reason.NO_CODE_COLUMN);
			}
			if (!positions.containsKey(Field.PARTNER_ID) && !positions.containsKey(Field.PARTNER)) {
				throw new InvalidCsvFile(Reason.NO_PARTNER_COLUMN);
			}
			if (positions.containsKey(Field.PARTNER_ID) && positions.containsKey(Field.PARTNER)) {
				// An id names one partner; a name may have been typed differently, or be shared.
				int ignored = positions.remove(Field.PARTNER);
				notices.add(new CsvNotice(record.field(ignored).replace("\uFEFF", "").strip(), PARTNER_NAME_IGNORED));
			}
			return new Header(record.fieldCount(), positions, notices);
		}

		CsvImportRow row(Record record) {
			boolean byId = this.positions.containsKey(Field.PARTNER_ID);
			return new CsvImportRow(record.line(), value(record, Field.CODE),
					value(record, byId ? Field.PARTNER_ID : Field.PARTNER), byId, value(record, Field.MATCH_TYPE),
					value(record, Field.CREDIT_POLICY), value(record, Field.START), value(record, Field.END),
					value(record, Field.TIME_ZONE));
		}

		private String value(Record record, Field field) {
			Integer position = this.positions.get(field);
			return (position != null) ? PromoCodeCsvReader.value(record.field(position)) : "";
		}

	}

	/**
	 * One record as FastCSV read it: its first line, how many values it had, and the first {@link #MAX_COLUMNS}
	 * of them (a line of a million commas is refused by its count, not stored); or the end of the file.
	 */
	private record Record(int line, int fieldCount, String[] fields, boolean end) {

		static final Record END_OF_FILE = new Record(0, 0, new String[0], true);

		String field(int index) {
			return this.fields[index];
		}

		/** A line of empty cells only, as spreadsheets write below the data: no row. */
		boolean blank() {
			return this.fieldCount <= MAX_COLUMNS && Arrays.stream(this.fields).allMatch(cell -> value(cell).isEmpty());
		}

	}

	/** FastCSV's callback: checks each value's length as it comes, and keeps the values a row can use. */
	private static final class Records extends AbstractBaseCsvCallbackHandler<Record> {

		private final String[] fields = new String[MAX_COLUMNS];

		private boolean end;

		int line() {
			return (int) getStartingLineNumber();
		}

		@Override
		protected void handleBegin(long startingLineNumber) {
			this.end = false;
		}

		@Override
		protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
			if (index == 0 && length == 1 && buffer[offset] == END_MARK) {
				this.end = true;
				return;
			}
			if (length > MAX_FIELD_CHARS) {
				// A long quoted value across lines is a quote that was never closed, not a long code.
				throw new InvalidCsvFile(quoted && containsLineBreak(buffer, offset, length)
						? Reason.UNTERMINATED_QUOTE : Reason.FIELD_TOO_LONG, line(), MAX_FIELD_CHARS);
			}
			String value = new String(buffer, offset, length);
			if (value.indexOf(END_MARK) >= 0) {
				throw new InvalidCsvFile(Reason.UNTERMINATED_QUOTE, line());
			}
			if (index < MAX_COLUMNS) {
				this.fields[index] = value;
			}
		}

		@Override
		protected Record buildRecord() {
			int count = getFieldCount();
			return new Record(line(), count, Arrays.copyOf(this.fields, Math.min(count, MAX_COLUMNS)), this.end);
		}

		private static boolean containsLineBreak(char[] buffer, int offset, int length) {
			for (int i = offset; i < offset + length; i++) {
				if (buffer[i] == '\n' || buffer[i] == '\r') {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * The file's bytes as text, decoded as they stream in: UTF-8 (a leading byte order mark dropped), and any byte
	 * that is not UTF-8 as Windows-1252, which is what Excel saves "CSV" as on a western Windows. Refuses a file
	 * larger than {@link #MAX_BYTES} or holding control characters (binary data) as soon as it reads them, and
	 * ends with the given text.
	 */
	static final class Utf8OrWindows1252Reader extends Reader {

		private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

		private final InputStream in;

		private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		/** A byte Windows-1252 leaves undefined becomes U+FFFD, as a malformed UTF-8 byte usually does. */
		private final CharsetDecoder windows1252 = WINDOWS_1252.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);

		private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

		private final CharBuffer chars = CharBuffer.allocate(8192).flip();

		private final String ending;

		private long count;

		private boolean endOfInput;

		private boolean first = true;

		private boolean ended;

		/** Whether the last character given was a CR, whose LF is then dropped. */
		private boolean carriageReturn;

		Utf8OrWindows1252Reader(InputStream in, String ending) {
			this.in = in;
			this.ending = ending;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (!this.chars.hasRemaining()) {
				if (this.ended) {
					return -1;
				}
				fill();
			}
			int read = Math.min(length, this.chars.remaining());
			this.chars.get(buffer, offset, read);
			return read;
		}

		/** Decodes what comes next into chars, reading more bytes first if the decoder needs them. */
		private void fill() throws IOException {
			this.chars.clear();
			if (!this.endOfInput && (this.bytes.remaining() < 4)) {
				readBytes();
			}
			CoderResult result = this.utf8.decode(this.bytes, this.chars, this.endOfInput);
			if (result.isMalformed() && this.chars.remaining() >= result.length()) {
				ByteBuffer run = this.bytes.slice(this.bytes.position(), result.length());
				this.windows1252.reset().decode(run, this.chars, true);
				this.windows1252.flush(this.chars);
				this.bytes.position(this.bytes.position() + result.length());
			}
			if (this.endOfInput && !this.bytes.hasRemaining() && this.chars.remaining() >= this.ending.length()) {
				this.utf8.flush(this.chars);
				this.chars.put(this.ending);
				this.ended = true;
			}
			this.chars.flip();
			check(this.chars.position(), this.chars.limit() - (this.ended ? this.ending.length() : 0));
			lineFeeds(this.chars.limit() - (this.ended ? this.ending.length() : 0));
			if (this.first && this.chars.hasRemaining()) {
				this.first = false;
				if (this.chars.get(0) == '\uFEFF') {
					this.chars.get();
				}
			}
		}

		private void readBytes() throws IOException {
			this.bytes.compact();
			// One byte over the limit is all it takes to know the file is too large.
			int room = (int) Math.min(this.bytes.remaining(), MAX_BYTES + 1 - this.count);
			int read = this.in.read(this.bytes.array(), this.bytes.arrayOffset() + this.bytes.position(), room);
			if (read == -1) {
				this.endOfInput = true;
			}
			else {
				this.bytes.position(this.bytes.position() + read);
				this.count += read;
			}
			this.bytes.flip();
			if (this.count > MAX_BYTES) {
				throw new InvalidCsvFile(Reason.TOO_LARGE, MAX_BYTES / (1024 * 1024));
			}
		}

		/**
		 * Every line break as a line feed: CRLF as LF, a lone CR (old Mac files) as LF; a line is still a line. For
		 * FastCSV 4.1.0 loses a record, without a word, whose quoted value holds a lone CR and that ends with a LF.
		 */
		private void lineFeeds(int to) {
			int kept = 0;
			for (int i = 0; i < this.chars.limit(); i++) {
				char c = this.chars.get(i);
				boolean afterCarriageReturn = this.carriageReturn;
				this.carriageReturn = (i < to) && (c == '\r');
				if (i < to && c == '\n' && afterCarriageReturn) {
					continue;
				}
				this.chars.put(kept++, (this.carriageReturn) ? '\n' : c);
			}
			this.chars.limit(kept);
		}

		/** Text has tabs and line breaks, and no other control character: a NUL means an image or a spreadsheet. */
		private void check(int from, int to) {
			for (int i = from; i < to; i++) {
				char c = this.chars.get(i);
				if (c < ' ' && c != '\t' && c != '\r' && c != '\n') {
					throw new InvalidCsvFile(Reason.NOT_TEXT);
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
