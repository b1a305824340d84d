package com.promotracking.conversions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's daily chart as the page draws it in SVG on the server: one bar per day, its height the day's
 * credited conversions against the busiest day. No script draws it, and its colours come from classes in
 * {@code app.css}, so the page keeps its strict Content-Security-Policy.
  * Public because pages read it: SpEL compiles reads of public types only (TemplateExpressionsCompileIT).
 */
public record DailyChart(int width, int height, long max, List<Bar> bars) {

	/** The drawing's size in SVG units; the page scales it to its width. */
	static final int WIDTH = 720;

	static final int HEIGHT = 200;

	/** Room above the bars for the scale's label. */
	static final int TOP = 20;

	static DailyChart of(List<PromoCodeReport.Day> days) {
		long max = days.stream().mapToLong(PromoCodeReport.Day::credited).max().orElse(0);
		double step = (double) WIDTH / Math.max(1, days.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			PromoCodeReport.Day day = days.get(i);
			double barHeight = (max == 0) ? 0 : (double) day.credited() / max * (HEIGHT - TOP);
			bars.add(new Bar(day.date(), day.credited(), round(i * step + step * 0.1), round(HEIGHT - barHeight),
					round(step * 0.8), round(barHeight)));
		}
		return new DailyChart(WIDTH, HEIGHT, max, bars);
	}

	/** Coordinates with two decimals: enough for any screen, and short. */
	private static String round(double value) {
		return String.valueOf(Math.round(value * 100) / 100.0);
	}

	public record Bar(LocalDate date, long credited, String x, String y, String width, String height) {
	}

}
