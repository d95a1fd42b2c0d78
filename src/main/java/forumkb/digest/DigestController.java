package forumkb.digest;

import forumkb.account.AccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The digest API: a preview of any week's digest, as content, plain text and HTML. */
@RestController
class DigestController {

    private final DigestPreview previews;
    private final AccountService accounts;

    DigestController(DigestPreview previews, AccountService accounts) {
        this.previews = previews;
        this.accounts = accounts;
    }

    record PreviewView(String week, Long subscriptionId, String subject, boolean empty, DigestContent content,
            String text, String html) {
    }

    /** {@code week} as {@code YYYY-Www} (default: last week); {@code subscription}: admins only. */
    @GetMapping("/api/digest/preview")
    PreviewView preview(@AuthenticationPrincipal UserDetails user, @RequestParam(required = false) String week,
            @RequestParam(required = false) Long subscription) {
        DigestPreview.Preview preview = previews.preview(accounts.signedIn(user), subscription, week);
        return new PreviewView(preview.digest().week().toString(),
                preview.subscription() == null ? null : preview.subscription().id(), preview.rendered().subject(),
                preview.digest().isEmpty(), preview.digest(), preview.rendered().text(), preview.rendered().html());
    }
}
