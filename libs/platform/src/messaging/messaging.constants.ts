/** Injection token of the Nest NATS ClientProxy (wrapped by MessagingClient). */
export const NATS_CLIENT = 'NATS_CLIENT';
