package forumkb.account;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is looking, for the layout: email and role, or nobody. */
@ControllerAdvice
class Viewer {

    record Signed(String email, boolean admin, boolean staff) {
    }

    @ModelAttribute("viewer")
    Signed viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        boolean admin = has(authentication, Role.ADMIN);
        return new Signed(authentication.getName(), admin, admin || has(authentication, Role.ENGINEER));
    }

    private static boolean has(Authentication authentication, Role role) {
        return authentication.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
