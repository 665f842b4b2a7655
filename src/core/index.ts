/** The token codec's public API: pure functions over strings and settings, no host, storage or clock. */
export type {
  Deployment,
  SignInConfig,
  Designator,
  FoundToken,
  ParsedToken,
  PrefixOrigin,
  Settings,
  StampedSubject,
  TokenParts,
  ValidationError,
  ValidationResult,
} from "./types";
export type { PrefixSubject, SeenChar, SeenValue, SettingsProblem, SettingsProblemCode } from "./settingsProblem";
export { InvalidSettingsError, TokenFormatError } from "./errors";
export {
  DEFAULT_SETTINGS,
  SETTINGS_FIELDS,
  SETTINGS_LIMITS,
  asciiLowerCase,
  keepEarlierPrefix,
  prefixProblem,
  tokenDigitCount,
  tokenUserNumber,
  validateSettings,
} from "./settings";
export { SERVICE_OWNED_FIELDS, deploymentApplies, sameServiceUrl, withDeployment } from "./deployment";
export type { KnownDeployment, ServiceOwnedField } from "./deployment";
export { STANDALONE, numberingMode } from "./numberingMode";
export type { NumberingMode } from "./numberingMode";
export { findTokens, formatToken, parseToken } from "./token";
export { ELLIPSIS, MAX_SUBJECT_LENGTH, applyToken, stripTokens } from "./stamp";
export { REPLY_PREFIXES, REPLY_PREFIX_PATTERN, collapseWhitespace, hasReplyPrefix, normalizeSubject, replySubject, withoutReplyPrefixes } from "./subject";
export { maxCounter, nextCounter, nextFreeCounter, toRanges } from "./counter";
export type { CounterRange, FreeCounter } from "./counter";
export { explainSubject } from "./explain";
export { readSubject } from "./subjectReading";
export type { SubjectReading } from "./subjectReading";
export type { DigitScript, ForeignMark, ForeignMarkKind, NearMiss, NearMissKind, SubjectExplanation } from "./explain";
export { MIN_SHARED_ADDRESSES, activityForToken, matchMessage, matchableSubject, smartMatch } from "./matching";
export type { ActivityLike, ActivityMatch, MessageLike, SmartMatch, TokenMatch } from "./matching";
export { decideOnSend } from "./sendDecision";
export { reserveExpired } from "./reserve";
export type { NumberingAvailability, SendDecision, SendDecisionInput } from "./sendDecision";
export {
  ISSUED_RETENTION_DAYS,
  SENT_RETENTION_MARGIN_DAYS,
  alreadyFinalized,
  answersMail,
  decideFinalize,
  finalizeActivity,
  followDraft,
  mayPrune,
  pruneCutoffs,
} from "./activityLife";
export type { ActivityLifeFields, ActivityStatus, FinalizeDecision, PruneCutoffs, SentMail } from "./activityLife";
