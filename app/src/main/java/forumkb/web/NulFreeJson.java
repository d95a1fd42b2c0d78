package forumkb.web;

import forumkb.system.BadRequestException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON request bodies with a NUL character in a string are refused (400), as parameters
 * are by {@link RequestGuard}: PostgreSQL cannot store NUL in text, and the insert failed
 * with a 500.
 */
@Configuration(proxyBeanMethods = false)
class NulFreeJson {

	@Bean
	JsonMapperBuilderCustomizer refuseNulInStrings() {
		SimpleModule module = new SimpleModule("nul-free-strings");
		module.addDeserializer(String.class, new NulRefusingStrings());
		return builder -> builder.addModule(module);
	}

	private static final class NulRefusingStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\0') >= 0) {
				throw new BadRequestException(RequestGuard.NUL_REFUSED);
			}
			return text;
		}

	}

}
