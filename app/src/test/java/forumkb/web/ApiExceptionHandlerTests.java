package forumkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Only the purpose-made exceptions are the client's fault; anything else is our bug,
 * logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void anIllegalArgumentFromAnywhereIsALoggedServerErrorWithAGenericMessage(CapturedOutput output) {
		Object answer = handler.unexpected(request("/api/search"),
				new IllegalArgumentException("maxClauseCount is set to 1024 in org.apache.lucene"));

		assertThat(body(answer))
			.isEqualTo(new ApiError(500, "Internal Server Error", "something went wrong on our side"));
		assertThat(output).contains("Unexpected error on GET /api/search").contains("maxClauseCount");
	}

	/**
	 * Errors are mapped once: no handler in an advice or a controller takes an
	 * IllegalArgumentException (or a type above it short of Exception) and so turns a bug
	 * into a silent 4xx.
	 */
	@Test
	void onlyTheLastResortHandlerTakesAGenericIllegalArgument() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ControllerAdvice.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> handlers = new ArrayList<>();
		for (BeanDefinition advice : scanner.findCandidateComponents("forumkb")) {
			Class<?> type = ClassUtils.resolveClassName(advice.getBeanClassName(), getClass().getClassLoader());
			ReflectionUtils.doWithMethods(type, method -> {
				ExceptionHandler handler = method.getAnnotation(ExceptionHandler.class);
				List<Class<?>> handled = handler.value().length > 0 ? List.of(handler.value())
						: Arrays.stream(method.getParameterTypes()).filter(Throwable.class::isAssignableFrom).toList();
				handled.stream()
					.filter(caught -> caught != Exception.class
							&& (caught.isAssignableFrom(IllegalArgumentException.class)
									|| IllegalArgumentException.class.isAssignableFrom(caught)))
					.forEach(caught -> handlers.add(type.getSimpleName() + "." + method.getName() + ": " + caught));
			}, method -> method.isAnnotationPresent(ExceptionHandler.class));
		}
		assertThat(handlers).isEmpty();
		assertThat(scanner.findCandidateComponents("forumkb")).extracting(BeanDefinition::getBeanClassName)
			.contains(ApiExceptionHandler.class.getName());
	}

	@Test
	void purposeMadeExceptionsAreTheClientsFaultWithTheirMessage(CapturedOutput output) {
		assertThat(body(handler.badRequest(request("/api/reports"), new BadRequestException("no text"))))
			.isEqualTo(new ApiError(400, "Bad Request", "no text"));
		assertThat(body(handler.notFound(request("/api/reports/7"), new NotFoundException("no report 7"))))
			.isEqualTo(new ApiError(404, "Not Found", "no report 7"));
		ModelAndView page = (ModelAndView) handler.notFound(request("/reports/7"),
				new NotFoundException("no report 7"));
		assertThat(page.getViewName()).isEqualTo("error");
		assertThat(page.getModel()).containsEntry("message", "no report 7").containsEntry("status", 404);
		assertThat(output).doesNotContain("Unexpected error");
	}

	private static MockHttpServletRequest request(String path) {
		return new MockHttpServletRequest("GET", path);
	}

	private static ApiError body(Object answer) {
		return (ApiError) ((ResponseEntity<?>) answer).getBody();
	}

}
