export { base32Decode, base32Encode } from './base32';
export { enrolmentQrDataUrl, enrolmentQrSvg } from './enrolment-qr';
export { RECOVERY_CODE_ALPHABET, findRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
export {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  generateTotpSecret,
  hotp,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
  type TotpVerification,
} from './totp';
