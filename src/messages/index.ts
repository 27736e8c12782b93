// The messages module: the typed contract plus send/handle helpers. Importing this pulls in the
// browser API; pure code (and tests of it) import './contract' directly.
export {
  type AnyMessage,
  COMMAND_NAMES,
  type CommandName,
  createEnvelope,
  type Envelope,
  isMessageType,
  MESSAGES,
  type MessageMap,
  type MessageType,
  type MessageTypeFor,
  PAGE_STATES,
  type PageState,
  parseMessage,
  parseResponse,
  type Receiver,
  type RequestOf,
  type ResponseOf,
} from './contract';
export { type Handlers, type HandlersFor, handleMessages, type MessageHandler } from './handle';
export { MessageResponseError, sendToBackground, sendToTab } from './send';
