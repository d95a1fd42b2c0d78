package forumkb.account;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is looking, for the layout: email and role, or nobody. A model attribute on every
 * page; the layout also asks the bean ({@code @viewer.current()}) where no controller
 * advice ran.
 */
@ControllerAdvice
public class Viewer {

	public record Signed(String email, boolean admin, boolean staff) {
	}

	@ModelAttribute("viewer")
	public Signed current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return new Signed(authentication.getName(), Role.ADMIN.heldBy(authentication), Role.staff(authentication));
	}

}
