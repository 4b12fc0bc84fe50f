/** The profile module's public face for other modules. */
export { phoneForNotifications } from "./notification-phone";
