package com.promotracking.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import static com.promotracking.browser.BrowserSupport.js;

/**
 * The checks {@link AccessibilityBrowserIT} runs on a page shown in the browser, each giving a list of failures
 * (empty when the page passes) worded to be read in a test report: axe-core with the WCAG 2.1 A/AA and
 * best-practice rules; the page's reflow at a phone's width; the focus indicator of every element the
 * keyboard reaches, against the colours around it; the form controls' type scale and borders.
 * <p>
 * Contrast ratios are WCAG's (relative luminance), computed in the page from the computed colours.
 */
final class PageAudit {

	/** The axe-core rule sets the pages must pass. */
	static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	/** Font sizes a form control may have: the body's size, and the small one of the buttons inside tables. */
	static final List<String> CONTROL_FONT_SIZES = List.of("16px", "14px");

	/** The emulated phone's height. */
	private static final int PHONE_HEIGHT = 780;

	/** Tab presses after which a page is taken to trap the keyboard. */
	private static final int MAX_TABS = 250;

	/** Tab presses sent to the browser at once. */
	private static final int TABS_AT_ONCE = 25;

	/** WCAG's colour arithmetic and a way to name an element, shared by the scripts below. */
	private static final String COLOURS = """
			function parse(c) {
			  var m = /rgba?\\(([^)]+)\\)/.exec(c);
			  if (!m) { return null; }
			  var p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
			  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
			}
			function luminance(c) {
			  function channel(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
			  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
			}
			function ratio(a, b) {
			  var x = luminance(a), y = luminance(b);
			  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
			}
			function text(c) { return 'rgb(' + c.r + ',' + c.g + ',' + c.b + ')'; }
			function describe(el) {
			  var name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
			  if (!el.id && el.className && typeof el.className === 'string') { name += '.' + el.className.trim().split(/\\s+/).join('.'); }
			  var label = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').substring(0, 30);
			  return label ? name + ' "' + label + '"' : name;
			}
			// The background seen at a point of the viewport, the element itself and what it holds left out.
			function backgroundAt(x, y, el) {
			  x = Math.min(Math.max(x, 0), document.documentElement.clientWidth - 1);
			  y = Math.min(Math.max(y, 0), window.innerHeight - 1);
			  var stack = document.elementsFromPoint(x, y);
			  for (var i = 0; i < stack.length; i++) {
			    if (stack[i] === el || el.contains(stack[i])) { continue; }
			    var c = parse(getComputedStyle(stack[i]).backgroundColor);
			    if (c && c.a > 0.5) { return c; }
			  }
			  return { r: 255, g: 255, b: 255, a: 1 };
			}
			// The lowest contrast against the backgrounds just outside the element's four sides: of a colour, or as
			// given by a function of the background.
			function lowestAround(colour, el, distance) {
			  var contrast = (typeof colour === 'function') ? colour : function (bg) { return ratio(colour, bg); };
			  var r = el.getBoundingClientRect(), midX = (r.left + r.right) / 2, midY = (r.top + r.bottom) / 2;
			  var points = [[r.left - distance, midY], [r.right + distance, midY], [midX, r.top - distance], [midX, r.bottom + distance]];
			  var lowest = { ratio: 99, on: null };
			  points.forEach(function (p) {
			    var bg = backgroundAt(p[0], p[1], el), q = contrast(bg);
			    if (q < lowest.ratio) { lowest = { ratio: q, on: bg }; }
			  });
			  return lowest;
			}
			""";

	private PageAudit() {
	}

	// ---------------------------------------------------------------- axe-core

	/**
	 * What axe-core found on the page as it is now: each violation with every node it was found on, the rules
	 * passed and those to review by hand without their nodes (only their count and names are reported). Legacy
	 * mode runs axe in the page itself: the newer way runs it in parts, then again in a blank window it opens to
	 * put the parts together, which is for pages with frames from other origins; ours have no frames.
	 */
	static Results axe(WebDriver driver) {
		AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
		tags.setType("tag");
		tags.setValues(AXE_TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(tags);
		options.setResultTypes(List.of("violations"));
		return new AxeBuilder().withOptions(options).setLegacyMode().analyze(driver);
	}

	static List<String> violations(Results results) {
		List<String> failures = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			List<String> targets = new ArrayList<>();
			for (CheckedNode node : rule.getNodes()) {
				targets.add(String.valueOf(node.getTarget()));
			}
			failures.add("axe " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets);
		}
		return failures;
	}

	// ---------------------------------------------------------------- reflow

	/** Shows pages as a phone of that width would, its viewport meta tag applied (0: as the desktop window). */
	static void emulateWidth(WebDriver driver, int width) {
		ChromeDriver chrome = (ChromeDriver) driver;
		if (width == 0) {
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		else {
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
		}
	}

	/**
	 * The page must fit the viewport's width: tables and code scroll inside their own containers, never the page.
	 * A failure names the outermost elements that stick out, and where.
	 */
	@SuppressWarnings("unchecked")
	static List<String> reflow(WebDriver driver, int width) {
		return (List<String>) js(driver, COLOURS + """
				var width = arguments[0], root = document.documentElement;
				if (root.clientWidth !== width) { return ['the viewport is ' + root.clientWidth + ' px wide, not ' + width]; }
				var failures = [];
				if (root.scrollWidth > root.clientWidth) {
				  failures.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide in ' + root.clientWidth);
				  // What sticks out and is not inside a box that scrolls it (or is positioned out of such a box).
				  document.querySelectorAll('body *').forEach(function (el) {
				    var r = el.getBoundingClientRect();
				    if (failures.length >= 6 || r.width === 0 || r.right <= root.clientWidth + 1) { return; }
				    var position = getComputedStyle(el).position, clipped = false;
				    if (position !== 'absolute' && position !== 'fixed') {
				      for (var up = el.parentElement; up && up !== document.body; up = up.parentElement) {
				        if (getComputedStyle(up).overflowX !== 'visible') { clipped = true; break; }
				      }
				    }
				    if (!clipped) { failures.push('  sticking out: ' + describe(el) + ' to ' + Math.round(r.right) + ' px'); }
				  });
				}
				var menu = document.getElementById('profile-menu');
				if (menu && menu.getBoundingClientRect().right > root.clientWidth) {
				  failures.push('the profile menu ends at ' + Math.round(menu.getBoundingClientRect().right) + ' px, off screen');
				}
				return failures;
				""", width);
	}

	// ---------------------------------------------------------------- focus

	/**
	 * Presses Tab through the page until the focus, past the page's last element and round again from its first,
	 * comes back to the element it reached first: every element that takes the focus must show an outline of at
	 * least 2 px with a contrast of at least 3:1 against the backgrounds just outside it (WCAG 2.1 SC 1.4.11, and
	 * 2.4.7). Returns the failures, and adds to {@code reached} every element the keyboard reached (to tell a page
	 * with nothing focusable from a check that never ran).
	 * <p>
	 * The page measures each element as the focus lands on it (a {@code focusin} listener), so the keys go in
	 * batches and the measures come back once a batch: a round trip to the browser per element would cost more
	 * than the whole walk.
	 */
	@SuppressWarnings("unchecked")
	static List<String> focusIndicators(WebDriver driver, List<String> reached) {
		js(driver, COLOURS + """
				document.activeElement && document.activeElement.blur();
				window.scrollTo(0, 0);
				window.focusAudit = [];
				document.addEventListener('focusin', function (event) {
				  var el = event.target, root = document.documentElement, box = el.getBoundingClientRect();
				  // The browser scrolls a focused element into view after this event: measured where it will be seen.
				  if (box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > root.clientWidth) {
				    el.scrollIntoView({ block: 'center', inline: 'nearest' });
				  }
				  var s = getComputedStyle(el), name = describe(el);
				  if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
				    window.focusAudit.push([name, name + ': no focus outline (' + s.outlineStyle + ' ' + s.outlineWidth + ')']);
				    return;
				  }
				  var ring = parse(s.outlineColor), offset = parseFloat(s.outlineOffset), lowest;
				  if (offset + parseFloat(s.outlineWidth) <= 0) {
				    // A ring drawn inside the element is seen against the element's own background.
				    var own = parse(s.backgroundColor);
				    var r = el.getBoundingClientRect();
				    var inside = (own && own.a > 0.5) ? own : backgroundAt((r.left + r.right) / 2, (r.top + r.bottom) / 2, el);
				    lowest = { ratio: ratio(ring, inside), on: inside };
				  }
				  else {
				    // Just outside the ring: what the ring is seen against.
				    lowest = lowestAround(ring, el, Math.max(offset, 0) + parseFloat(s.outlineWidth) + 1);
				  }
				  window.focusAudit.push(lowest.ratio < 3
				      ? [name, name + ': focus ring ' + text(ring) + ' on ' + text(lowest.on) + ' has ' + lowest.ratio.toFixed(2) + ':1']
				      : [name]);
				});
				""");
		List<String> failures = new ArrayList<>();
		String first = null;
		for (int tabs = 0; tabs < MAX_TABS; tabs += TABS_AT_ONCE) {
			Actions keys = new Actions(driver);
			for (int tab = 0; tab < TABS_AT_ONCE; tab++) {
				keys.sendKeys(Keys.TAB);
			}
			keys.perform();
			// Past the page's last element the focus leaves the page, and the next Tab brings it back to the first.
			for (List<Object> seen : (List<List<Object>>) js(driver, "return window.focusAudit.splice(0);")) {
				String name = (String) seen.get(0);
				if (name.equals(first)) {
					return failures;
				}
				first = (first != null) ? first : name;
				if (reached.isEmpty() || !reached.get(reached.size() - 1).equals(name)) {
					reached.add(name);
				}
				if (seen.size() > 1 && !failures.contains((String) seen.get(1))) {
					failures.add((String) seen.get(1));
				}
			}
		}
		failures.add("the keyboard never left the page after " + MAX_TABS + " Tab presses (a trap?)");
		return failures;
	}

	// ---------------------------------------------------------------- form controls

	/**
	 * Form controls share the body's font family and one of {@link #CONTROL_FONT_SIZES}; the edge of a text box or
	 * a select, its border or its fill, has at least 3:1 against what is around it (WCAG 2.1 SC 1.4.11).
	 */
	@SuppressWarnings("unchecked")
	static List<String> formControls(WebDriver driver) {
		return (List<String>) js(driver, COLOURS + """
				var sizes = arguments[0], family = getComputedStyle(document.body).fontFamily, failures = [];
				var controls = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button';
				document.querySelectorAll(controls).forEach(function (el) {
				  if (!el.getClientRects().length) { return; }
				  var s = getComputedStyle(el), name = describe(el);
				  if (s.fontFamily !== family) { failures.push(name + ': font ' + s.fontFamily + ', not the page\\'s ' + family); }
				  if (sizes.indexOf(s.fontSize) < 0) { failures.push(name + ': font size ' + s.fontSize + ', not one of ' + sizes); }
				  if (el.tagName === 'BUTTON') { return; }
				  // The box's edge is seen by its border, or by its own fill, against what is around it.
				  var border = parse(s.borderTopColor), own = parse(s.backgroundColor);
				  if (parseFloat(s.borderTopWidth) < 1) { failures.push(name + ': no border'); return; }
				  var fill = (own && own.a > 0.5) ? own : null;
				  var edge = lowestAround(function (bg) { return Math.max(ratio(border, bg), fill ? ratio(fill, bg) : 0); }, el, 2);
				  if (edge.ratio < 3) {
				    failures.push(name + ': border ' + text(border) + (fill ? ' and fill ' + text(fill) : '') + ' have '
				        + edge.ratio.toFixed(2) + ':1 against ' + text(edge.on) + ' around it');
				  }
				});
				return failures;
				""", CONTROL_FONT_SIZES);
	}

}
