package com.promotracking.promocodes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The errors file of an import: what a brand admin corrects the import file by, line by line. */
class ImportErrorsCsvTest {

	@Test
	void eachReasonIsALineWithItsColumnInTheReadersWordsAndNoCellIsAFormula() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		ImportErrorsCsv.write(out,
				List.of(new ImportErrorText(3, "endsAt", "The end must come after the start."),
						new ImportErrorText(7, "code", "=HYPERLINK, \"quoted\"")),
				Map.of("endsAt", "Date de fin", "code", "Code promo")::get, "Ligne", "Champ", "Message");

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFLigne,Champ,Message\r\n"
				+ "3,Date de fin,The end must come after the start.\r\n" + "7,Code promo,\"'=HYPERLINK, \"\"quoted\"\"\"\r\n");
	}

}
