package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;

import java.util.SplittableRandom;

/**
 * A customer's static latent traits, drawn once from the customer's own random stream: what is written to
 * {@code customers.csv} plus the hidden parameters that drive invoicing, payment and response behaviour.
 *
 * @param index 0-based position of the customer in the run
 * @param customerId the {@code customer_id}
 * @param segment business segment
 * @param region country, zone and currency
 * @param preferredChannel the stated preference, or null when the customer stated none
 * @param doNotContact true: the legacy policy never contacts this customer
 * @param creditLimitCents credit limit in cents of the local currency, or -1 when unknown
 * @param openedDay customer since (epoch day)
 * @param activeFromDay first simulated day (the later of run start and opened day)
 * @param firstBillingDay first invoice day (epoch day)
 * @param billingEndDay no invoices after this day (customer churned), {@link Integer#MAX_VALUE} when active
 * @param frequency billing frequency
 * @param termsDays payment terms: due date is issue date plus this
 * @param amountMedianCents median invoice amount in cents
 * @param amountSigma log-scale spread of invoice amounts
 * @param reliable true for customers who always pay on or before the due date
 * @param habitOffset days after the due date around which the customer habitually pays (negative: early)
 * @param habitSpread how tightly payments cluster around the habit, in days
 * @param episodeRatePerDay daily probability that a financial-stress episode starts
 * @param disputeRate share of invoices the customer disputes
 * @param weekendPaymentFactor multiplier of the daily payment probability on Saturdays and Sundays
 * @param initialStress stress level on the first simulated day (an episode in progress when positive)
 * @param response true responsiveness by channel, hour and weekday
 */
record CustomerProfile(
        int index,
        String customerId,
        Segment segment,
        Region region,
        Channel preferredChannel,
        boolean doNotContact,
        long creditLimitCents,
        int openedDay,
        int activeFromDay,
        int firstBillingDay,
        int billingEndDay,
        BillingFrequency frequency,
        int termsDays,
        double amountMedianCents,
        double amountSigma,
        boolean reliable,
        double habitOffset,
        double habitSpread,
        double episodeRatePerDay,
        double disputeRate,
        double weekendPaymentFactor,
        double initialStress,
        ResponseProfile response) {

    /** Share of customers who asked never to be contacted. */
    static final double DO_NOT_CONTACT_SHARE = 0.03;

    /** The customer id for a 0-based index: {@code C0000001} for index 0. */
    static String customerId(int index) {
        return String.format("C%07d", index + 1);
    }

    /** Draws the profile of customer {@code index} from its own stream. */
    static CustomerProfile draw(long seed, int index, int startDay, int endDay) {
        SplittableRandom random = RandomStreams.derive(seed, index, RandomStreams.PROFILE);
        String id = customerId(index);
        Segment segment = Segment.values()[RandomStreams.weighted(random, 0.45, 0.15, 0.40)];
        Region region = Region.ALL.get(RandomStreams.weighted(random, Region.weights()));

        boolean reliable = random.nextDouble() < switch (segment) {
            case SMB -> 0.20;
            case ENTERPRISE -> 0.30;
            case CONSUMER -> 0.25;
        };
        int terms = switch (segment) {
            case CONSUMER -> new int[] {15, 30}[RandomStreams.weighted(random, 0.5, 0.5)];
            case SMB -> new int[] {15, 30, 45}[RandomStreams.weighted(random, 0.15, 0.65, 0.20)];
            case ENTERPRISE -> new int[] {30, 45, 60}[RandomStreams.weighted(random, 0.35, 0.35, 0.30)];
        };
        BillingFrequency frequency = BillingFrequency.values()[switch (segment) {
            // WEEKLY, MONTHLY, QUARTERLY, IRREGULAR
            case CONSUMER -> RandomStreams.weighted(random, 0, 0.85, 0, 0.15);
            case SMB -> RandomStreams.weighted(random, 0.15, 0.65, 0.05, 0.15);
            case ENTERPRISE -> RandomStreams.weighted(random, 0.10, 0.60, 0.25, 0.05);
        }];
        double monthlyUsd = switch (segment) {
            case CONSUMER -> RandomStreams.lognormal(random, 70, 0.5);
            case SMB -> RandomStreams.lognormal(random, 1_500, 0.8);
            case ENTERPRISE -> RandomStreams.lognormal(random, 18_000, 0.7);
        };
        double medianCents = Math.max(5, monthlyUsd * frequency.meanDaysBetween() / 30.4) * region.unitsPerUsd() * 100;
        double amountSigma = switch (segment) {
            case CONSUMER -> 0.15;
            case SMB -> 0.35;
            case ENTERPRISE -> 0.40;
        };
        long creditLimitCents = -1;
        if (random.nextDouble() < 0.9) {
            double exposure = medianCents * 60 / frequency.meanDaysBetween() * RandomStreams.uniform(random, 1.5, 3);
            long unit = Math.round(100 * 100 * region.unitsPerUsd());
            creditLimitCents = Math.max(1, Math.round(exposure / unit)) * unit;
        }

        int span = endDay - startDay;
        int openedDay = random.nextDouble() < 0.85
                ? startDay - 30 - random.nextInt(3_620)
                : startDay + random.nextInt(Math.max(1, span - 45));
        int activeFrom = Math.max(startDay, openedDay);
        int period = switch (frequency) {
            case WEEKLY -> 7;
            case MONTHLY -> 30;
            case QUARTERLY -> 91;
            case IRREGULAR -> 25;
        };
        int firstBilling = activeFrom + random.nextInt(openedDay >= startDay ? Math.min(period, 14) : period);
        int billingEnd = random.nextDouble() < 0.07 ? startDay + 90 + random.nextInt(Math.max(1, span - 90))
                : Integer.MAX_VALUE;

        double habitOffset;
        double habitSpread;
        double episodesPerYear;
        double disputeRate;
        if (reliable) {
            habitOffset = -RandomStreams.uniform(random, 0.5, Math.min(terms - 1, 8));
            habitSpread = RandomStreams.uniform(random, 0.7, 1.5);
            episodesPerYear = 0;
            disputeRate = 0;
        } else {
            double segmentShift = switch (segment) {
                case CONSUMER -> -1;
                case SMB -> 0;
                case ENTERPRISE -> 2;
            };
            habitOffset = Math.max(-8, Math.min(60, segmentShift - 5 + 9 * StrictMath.exp(0.7 * RandomStreams.gaussian(random))));
            habitSpread = RandomStreams.uniform(random, 1.5, 5);
            double medianEpisodes = switch (segment) {
                case CONSUMER -> 0.25;
                case SMB -> 0.20;
                case ENTERPRISE -> 0.10;
            };
            episodesPerYear = Math.min(2, RandomStreams.lognormal(random, medianEpisodes, 0.9));
            disputeRate = switch (segment) {
                case CONSUMER -> 0.01;
                case SMB -> 0.025;
                case ENTERPRISE -> 0.04;
            } * RandomStreams.lognormal(random, 1, 0.5);
        }
        double initialStress = !reliable && random.nextDouble() < 0.12 ? RandomStreams.uniform(random, 0.1, 0.8) : 0;
        boolean doNotContact = random.nextDouble() < DO_NOT_CONTACT_SHARE;

        ResponseProfile response = drawResponse(random, id, segment);
        Channel preferred = null;
        double preference = random.nextDouble();
        if (preference < 0.55) {
            preferred = response.bestChannel();
        } else if (preference < 0.75) {
            preferred = Channel.values()[random.nextInt(Channel.values().length)];
        }
        return new CustomerProfile(index, id, segment, region, preferred, doNotContact, creditLimitCents,
                openedDay, activeFrom, firstBilling, billingEnd, frequency, terms, medianCents, amountSigma,
                reliable, habitOffset, habitSpread, episodesPerYear / 365.0, disputeRate,
                segment.isBusiness() ? 0.25 : 0.8, initialStress, response);
    }

    private static ResponseProfile drawResponse(SplittableRandom random, String id, Segment segment) {
        double[] base = switch (segment) {
            // email, sms, phone, letter
            case CONSUMER -> new double[] {-0.6, 0.0, -0.9, -2.2};
            case SMB -> new double[] {-0.3, -1.0, 0.1, -2.0};
            case ENTERPRISE -> new double[] {0.1, -1.8, -0.3, -1.6};
        };
        double[] channels = new double[4];
        for (int i = 0; i < 4; i++) {
            channels[i] = CsvText.round4(base[i] + 0.8 * RandomStreams.gaussian(random));
        }
        double centre = switch (segment) {
            case CONSUMER -> new double[] {9, 12.5, 19}[RandomStreams.weighted(random, 0.2, 0.25, 0.55)];
            case SMB -> new double[] {10, 14.5}[RandomStreams.weighted(random, 0.5, 0.5)];
            case ENTERPRISE -> 10.5;
        };
        double peak = CsvText.round4(Math.max(7, Math.min(21.5, centre + RandomStreams.gaussian(random))));
        double width = CsvText.round4(RandomStreams.uniform(random, 1.5, 3.5));
        double[] weekdayBase = segment.isBusiness()
                ? new double[] {-0.2, 0.1, 0.1, 0.1, -0.3, -1.6, -2.0}
                : new double[] {-0.3, -0.2, -0.2, -0.2, 0.0, 0.4, 0.3};
        double[] weekdays = new double[7];
        for (int i = 0; i < 7; i++) {
            weekdays[i] = CsvText.round4(weekdayBase[i] + 0.25 * RandomStreams.gaussian(random));
        }
        return new ResponseProfile(id, channels, peak, width, weekdays);
    }
}
