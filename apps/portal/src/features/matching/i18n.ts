/** The texts of the matching pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const matching: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};
