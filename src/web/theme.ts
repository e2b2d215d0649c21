import type { ThemeConfig } from 'antd';

/** Government blue with a red accent, small radii and a dense rhythm. */
export const BRAND_BLUE = '#1d4f91';
export const BRAND_RED = '#c8161d';
export const FONT_FAMILY =
  '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Helvetica Neue",Arial,sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorError: BRAND_RED,
    colorLink: BRAND_BLUE,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    borderRadius: 4,
    controlHeight: 30,
    colorBgLayout: '#f0f2f5',
    // Tints of the brand blue: the derived ones come out grey for so dark a primary.
    controlItemBgActive: '#e3ecf8',
    controlItemBgActiveHover: '#d5e3f5',
    controlItemBgHover: '#f0f4fa',
  },
  components: {
    Layout: { headerHeight: 52, headerPadding: '0 16px', headerBg: BRAND_BLUE, siderBg: '#ffffff' },
    Menu: {
      itemHeight: 38,
      itemMarginBlock: 2,
      itemBorderRadius: 2,
      itemSelectedBg: '#e6edf7',
      itemSelectedColor: BRAND_BLUE,
      itemActiveBg: '#eef2f8',
    },
    Card: { headerHeightSM: 38, bodyPaddingSM: 12 },
    Descriptions: { labelBg: '#f5f7fa' },
    Tree: { titleHeight: 26, nodeSelectedBg: '#dce7f6', nodeHoverBg: '#eef3fa' },
  },
};

/** The same theme without animation, for users who prefer reduced motion (usePrefersReducedMotion). */
const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/** The console's theme: `motion: false` when the user prefers reduced motion. */
export const themeFor = (reducedMotion: boolean): ThemeConfig => (reducedMotion ? stillTheme : theme);
