/**
 * The error the notification clients throw. Its message names the provider
 * and what went wrong (status, timeout, refused connection) and never carries
 * the recipient or the text, so it is safe to store in `last_error` and to log.
 */
export class NotificationSendError extends Error {
  constructor(
    message: string,
    /** true when sending the same message again cannot succeed (refused number, unknown mailbox) */
    public readonly permanent = false,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'NotificationSendError';
  }
}
