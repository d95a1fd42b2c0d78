package forumkb.web;

import forumkb.system.BadRequestException;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Numbers in paths and parameters are plain decimal. Spring's own conversion also reads
 * {@code 0x1}, {@code #1}, {@code +1} and {@code " 1"}, so that {@code DELETE
 * /api/known-issues/0x1} deleted known issue 1; a near miss must be refused, not acted on.
 */
@Configuration(proxyBeanMethods = false)
class PlainNumbers implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, text -> text.isEmpty() ? null : Long.valueOf(plain(text)));
        registry.addConverter(String.class, Integer.class, text -> text.isEmpty() ? null : Integer.valueOf(plain(text)));
    }

    /** An optional minus and decimal digits; anything else is refused (a type mismatch, 400). */
    static String plain(String text) {
        if (!text.matches("-?[0-9]{1,19}")) {
            throw new BadRequestException("not a plain decimal number: " + text);
        }
        return text;
    }
}
