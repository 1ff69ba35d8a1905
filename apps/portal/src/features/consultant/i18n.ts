/** The texts of the consultant pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const consultant: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};
