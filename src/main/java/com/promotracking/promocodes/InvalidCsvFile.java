package com.promotracking.promocodes;

import org.springframework.http.HttpStatus;

import com.promotracking.kernel.DomainException;

/**
 * An import file that cannot be read as a promo code CSV at all (too large, not text, no code column, a line that
 * does not fit the header): a 400 {@code invalid-csv-file} whose detail is the reason, in the user's language. A
 * code the file holds that is merely refused is no such failure: the import reports it on its line.
 */
public class InvalidCsvFile extends DomainException {

	private final Reason reason;

	private final Object[] arguments;

	InvalidCsvFile(Reason reason, Object... arguments) {
		super("invalid-csv-file", HttpStatus.BAD_REQUEST, arguments);
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	Reason reason() {
		return this.reason;
	}

	/** Key of the reason's message: {@code promoCodeImport.file.<reason>}. */
	public String reasonKey() {
		return this.reason.key();
	}

	/** The reason message's arguments, such as the line it is about. */
	public Object[] arguments() {
		return this.arguments.clone();
	}

	/** The detail is the reason: "the file is invalid" alone would not tell the brand what to fix. */
	@Override
	public String getDetailMessageCode() {
		return this.reason.key();
	}

	@Override
	public Object[] getDetailMessageArguments() {
		return this.arguments.clone();
	}

	/** Why the file was refused; the arguments each reason's message takes are listed on it. */
	enum Reason {

		/** More than the most bytes a file may have; argument: that most, in megabytes. */
		TOO_LARGE("tooLarge"),
		/** Binary data (an image, a spreadsheet saved as .xlsx): control characters that no text file holds. */
		NOT_TEXT("notText"),
		/** The upload broke off before its end. */
		UNREADABLE("unreadable"),
		/** Nothing, not even a header. */
		EMPTY("empty"),
		/** A first line that goes on and on: no CSV header. */
		HEADER_TOO_LONG("headerTooLong"),
		/** Arguments: the columns of the header, the most a file may have. */
		TOO_MANY_COLUMNS("tooManyColumns"),
		NO_CODE_COLUMN("noCodeColumn"),
		NO_PARTNER_COLUMN("noPartnerColumn"),
		/** Argument: the second column's name as the file writes it. */
		DUPLICATE_COLUMN("duplicateColumn"),
		/** A header and no code. */
		NO_ROWS("noRows"),
		/** Argument: the most rows a file may have. */
		TOO_MANY_ROWS("tooManyRows"),
		/** Arguments: the line, its values, the header's columns. */
		FIELD_COUNT("fieldCount"),
		/** Argument: the line where the quote opens. */
		UNTERMINATED_QUOTE("unterminatedQuote"),
		/** Arguments: the line, the most characters a value may have. */
		FIELD_TOO_LONG("fieldTooLong");

		private final String name;

		Reason(String name) {
			this.name = name;
		}

		String key() {
			return "promoCodeImport.file." + this.name;
		}

	}

}
