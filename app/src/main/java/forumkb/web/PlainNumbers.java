package forumkb.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths and parameters are plain decimal. Spring's own conversion also reads
 * {@code 0x1}, {@code #1}, {@code +1} and {@code " 1"}, so that {@code DELETE
 * /api/known-issues/0x1} deleted known issue 1; a near miss must be refused (400), not
 * acted on.
 */
@ControllerAdvice
class PlainNumbers {

	@InitBinder
	void plainDecimal(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
		binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
		binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
		binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
	}

	private static final class Decimal extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		Decimal(Function<String, Number> parse) {
			this.parse = parse;
		}

		/**
		 * An optional minus and decimal digits, in range; anything else is a type
		 * mismatch.
		 */
		@Override
		public void setAsText(String text) {
			if (text == null || text.isEmpty()) {
				setValue(null);
			}
			else if (text.matches("-?[0-9]{1,19}")) {
				setValue(parse.apply(text));
			}
			else {
				throw new IllegalArgumentException("not a plain decimal number");
			}
		}

	}

}
