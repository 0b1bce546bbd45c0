/** Email channel over SMTP with STARTTLS (Angus Mail). */
@NullMarked
package io.releasepilot.core.notify.smtp;

import org.jspecify.annotations.NullMarked;
