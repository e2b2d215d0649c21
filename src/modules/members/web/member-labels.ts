import { t } from '../../../web/i18n';
import type { MembershipStatus } from '../contract';

/** The label of a stored code; an unknown code is shown as it is, a missing one as a dash. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string | null | undefined): string =>
  code ? (labels[code] ?? code) : t('members.none');

/** Tag colours of 会籍状态: current memberships in colour, ended ones grey, refusal and expulsion red. */
export const STATUS_COLORS: Readonly<Record<MembershipStatus, string>> = {
  pending: 'gold',
  refused: 'red',
  active: 'green',
  retained: 'cyan',
  transferring: 'blue',
  transferred: 'default',
  exited: 'default',
  expelled: 'red',
  deceased: 'default',
};

/** 入会方式 of an application. */
export const JOIN_CHANNELS = ['unit', 'online', 'mobile_window'] as const;
export type JoinChannel = (typeof JOIN_CHANNELS)[number];
export const joinChannelLabel = (channel: JoinChannel): string => t(`members.channel.${channel}`);

export type TransferStatus = 'pending' | 'accepted' | 'refused' | 'cancelled';
export const transferStatusLabel = (status: string): string =>
  ['pending', 'accepted', 'refused', 'cancelled'].includes(status) ? t(`members.transfers.status.${status as TransferStatus}`) : status;
